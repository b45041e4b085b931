/**
 * What every program of the tiny shell gets: its standard streams and the container's
 * filesystem, plus the helpers that give busybox's option parsing and error wording.
 */
import { resolvePath } from './paths.ts';
import type { FsError, FsStat, ShellFs } from './shell-fs.ts';

export interface ProgramIo {
  stdin: string;
  out(text: string): void;
  err(text: string): void;
}

export interface ShellContext {
  fs: ShellFs;
  /** Working directory; `/`, as in a container whose image sets no WORKDIR, until `cd`. */
  cwd: string;
  hostname: string;
}

/** A program gets its arguments without argv[0] and returns its exit code. */
export type Program = (args: string[], io: ProgramIo, ctx: ShellContext) => number;

/** strerror() texts as musl (Alpine, busybox images) prints them. */
const MESSAGES: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  ENOTEMPTY: 'Directory not empty',
  EBUSY: 'Resource busy',
};

export const strerror = (error: FsError): string => MESSAGES[error];

/** Every container has /dev/null, whether or not the engine's view models /dev. */
const DEV_NULL = '/dev/null';

export const resolve = (ctx: ShellContext, path: string) => resolvePath(ctx.cwd, path);

export function statPath(ctx: ShellContext, path: string): FsStat | FsError {
  const full = resolve(ctx, path);
  if (full === undefined) return 'ENOENT';
  const stat = ctx.fs.stat(full);
  if (stat) return stat;
  if (full === DEV_NULL) return { type: 'char', size: 0 };
  // stat() cannot say why a path is missing; readFile() tells ENOTDIR from ENOENT.
  return ctx.fs.readFile(full) === 'ENOTDIR' ? 'ENOTDIR' : 'ENOENT';
}

/**
 * ShellFs.readFile answers `string | FsError`, which cannot tell a file holding the text
 * `ENOENT` from the error: stat first, and trust readFile's answer as content for a file.
 */
export function readPath(ctx: ShellContext, path: string): { text: string } | { error: FsError } {
  const stat = statPath(ctx, path);
  if (typeof stat === 'string') return { error: stat };
  if (stat.type === 'dir') return { error: 'EISDIR' };
  const full = resolve(ctx, path) ?? '';
  if (full === DEV_NULL && stat.type === 'char') return { text: '' };
  const text = ctx.fs.readFile(full);
  if (stat.type !== 'file' && Object.hasOwn(MESSAGES, text)) return { error: text as FsError };
  return { text };
}

export function writePath(
  ctx: ShellContext,
  path: string,
  content: string,
  append: boolean,
): FsError | undefined {
  const full = resolve(ctx, path);
  if (full === undefined) return 'ENOENT';
  if (full === DEV_NULL && !ctx.fs.stat(full)) return undefined;
  return ctx.fs.writeFile(full, content, append);
}

export type ParsedOptions = { flags: Set<string>; values: Map<string, string>; operands: string[] };

/**
 * getopt as musl does it (busybox images): options end at the first operand or `--`; `-` is an
 * operand; letters cluster (`-rf`); a letter in `valued` takes the rest of its word or the next one.
 */
export function parseOptions(
  program: string,
  args: string[],
  letters: string,
  valued = '',
): ParsedOptions | { error: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let k = 0;
  for (; k < args.length; k += 1) {
    const arg = args[k] ?? '';
    if (arg === '--') {
      k += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let c = 1; c < arg.length; c += 1) {
      const letter = arg.charAt(c);
      if (valued.includes(letter)) {
        const value = c + 1 < arg.length ? arg.slice(c + 1) : args[k + 1];
        if (value === undefined) return { error: `${program}: option requires an argument: ${letter}\n` };
        if (c + 1 >= arg.length) k += 1;
        values.set(letter, value);
        break;
      }
      if (!letters.includes(letter)) return { error: `${program}: unrecognized option: ${letter}\n` };
      flags.add(letter);
    }
  }
  return { flags, values, operands: args.slice(k) };
}

/** Busybox prints its usage and exits 1 when the arguments make no sense. */
export function usage(io: ProgramIo, synopsis: string): number {
  io.err(`BusyBox v1.36.1 multi-call binary.\n\nUsage: ${synopsis}\n`);
  return 1;
}

/** Reports an error on standard error and gives the exit code to return. */
export function fail(io: ProgramIo, message: string, code = 1): number {
  io.err(message);
  return code;
}

/**
 * busybox ls. kubectl exec without -t gives the container no terminal, and ls writes one name a
 * line when stdout is not a terminal, so that is the only short layout. `-l` follows busybox's
 * display_single(): "%-10s %4u %-8.8s %-8.8s %9u Mon dd HH:MM name".
 */
import type { FsEntryType } from '../node/fs-tree.ts';
import { parentPath } from './paths.ts';
import {
  fail,
  type Program,
  type ProgramIo,
  parseOptions,
  resolve,
  type ShellContext,
  statPath,
  strerror,
} from './program.ts';
import type { FsStat } from './shell-fs.ts';
import { humanSize } from './text.ts';

/** Times are not modelled: every file shows the same modification time (matches `date`). */
export const LS_TIME = 'Jan  6 12:00';

const MODES: Record<FsEntryType, string> = {
  dir: 'drwxr-xr-x',
  file: '-rw-r--r--',
  socket: 'srwxr-xr-x',
  char: 'crw-rw-rw-',
  block: 'brw-rw----',
};

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Options {
  long: boolean;
  human: boolean;
  all: boolean;
  almostAll: boolean;
}

/** Directories count `.`, their entry in the parent and each subdirectory's `..`, as on ext4. */
function linkCount(ctx: ShellContext, path: string, stat: FsStat): number {
  if (stat.type !== 'dir') return 1;
  const names = ctx.fs.readDir(path);
  if (typeof names === 'string') return 2;
  const prefix = path === '/' ? '/' : `${path}/`;
  return 2 + names.filter((name) => ctx.fs.stat(`${prefix}${name}`)?.type === 'dir').length;
}

function line(ctx: ShellContext, opts: Options, path: string, stat: FsStat, name: string): string {
  if (!opts.long) return `${name}\n`;
  const device = stat.type === 'char' || stat.type === 'block';
  const size = device
    ? '   0,   0'
    : opts.human
      ? humanSize(stat.size).padStart(7)
      : String(stat.size).padStart(9);
  const links = String(linkCount(ctx, path, stat)).padStart(4);
  return `${MODES[stat.type]} ${links} root     root     ${size} ${LS_TIME} ${name}\n`;
}

/** busybox prints "total N" (1K blocks, 4K allocation units) before a long directory listing. */
const blocks = (stat: FsStat) =>
  stat.type === 'file' || stat.type === 'dir' ? Math.ceil(stat.size / 4096) * 4 : 0;

function listDirectory(
  ctx: ShellContext,
  io: ProgramIo,
  opts: Options,
  operand: string,
  path: string,
): number {
  const names = ctx.fs.readDir(path);
  if (typeof names === 'string') {
    io.err(`ls: ${operand}: ${strerror(names)}\n`);
    return 1;
  }
  const shown = names.filter((name) => opts.all || opts.almostAll || !name.startsWith('.'));
  if (opts.all) shown.push('.', '..');
  const prefix = path === '/' ? '/' : `${path}/`;
  const entries: { name: string; path: string; stat: FsStat }[] = [];
  for (const name of shown.sort(byBytes)) {
    const child = name === '.' ? path : name === '..' ? parentPath(path) : `${prefix}${name}`;
    const stat = ctx.fs.stat(child);
    if (stat) entries.push({ name, path: child, stat });
  }
  if (opts.long) io.out(`total ${entries.reduce((sum, entry) => sum + blocks(entry.stat), 0)}\n`);
  for (const entry of entries) io.out(line(ctx, opts, entry.path, entry.stat, entry.name));
  return 0;
}

export const ls: Program = (args, io, ctx) => {
  const parsed = parseOptions('ls', args, 'laA1hd');
  if ('error' in parsed) return fail(io, parsed.error);
  const { flags } = parsed;
  const opts = {
    long: flags.has('l'),
    human: flags.has('h'),
    all: flags.has('a'),
    almostAll: flags.has('A'),
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let status = 0;
  const files: { operand: string; path: string; stat: FsStat }[] = [];
  const dirs: { operand: string; path: string }[] = [];
  for (const operand of operands) {
    const stat = statPath(ctx, operand);
    const path = resolve(ctx, operand);
    if (typeof stat === 'string' || path === undefined) {
      io.err(`ls: ${operand}: ${strerror(typeof stat === 'string' ? stat : 'ENOENT')}\n`);
      status = 1;
    } else if (stat.type === 'dir' && !flags.has('d')) dirs.push({ operand, path });
    else files.push({ operand, path, stat });
  }
  // Like busybox: the files named on the command line first, then each directory's listing.
  files.sort((a, b) => byBytes(a.operand, b.operand));
  dirs.sort((a, b) => byBytes(a.operand, b.operand));
  for (const file of files) io.out(line(ctx, opts, file.path, file.stat, file.operand));
  let printed = files.length > 0;
  for (const dir of dirs) {
    if (printed) io.out('\n');
    if (operands.length > 1) io.out(`${dir.operand}:\n`);
    printed = true;
    status = Math.max(status, listDirectory(ctx, io, opts, dir.operand, dir.path));
  }
  return status;
};

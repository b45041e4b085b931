/** Programs that change the file tree, with busybox's wording: rm, rmdir, mkdir, touch. */
import { baseName } from './paths.ts';
import {
  fail,
  type Program,
  parseOptions,
  resolve,
  type ShellContext,
  statPath,
  strerror,
  usage,
  writePath,
} from './program.ts';

/**
 * rm -r walks the tree itself, children before their directory, as busybox's remove_file() does:
 * on a mount point the contents go and only the final rmdir fails (`Resource busy`), whatever
 * the ShellFs does with a recursive remove. Iterative, so no directory depth overflows the stack.
 */
function removeTree(
  ctx: ShellContext,
  operand: string,
  path: string,
  report: (message: string) => void,
): void {
  const stack = [{ shown: operand, path, expanded: false }];
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    if (!top.expanded) {
      top.expanded = true;
      const names = ctx.fs.stat(top.path)?.type === 'dir' ? ctx.fs.readDir(top.path) : [];
      const join = (base: string, name: string) =>
        base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
      if (Array.isArray(names) && names.length > 0) {
        for (const name of names)
          stack.push({ shown: join(top.shown, name), path: join(top.path, name), expanded: false });
        continue;
      }
    }
    stack.pop();
    // The directory is empty by now: `recursive` only makes every ShellFs accept a directory.
    const error = ctx.fs.remove(top.path, true);
    if (error) report(`can't remove '${top.shown}': ${strerror(error)}`);
  }
}

const rm: Program = (args, io, ctx) => {
  const opts = parseOptions('rm', args, 'rRfiv');
  if ('error' in opts) return fail(io, opts.error);
  const force = opts.flags.has('f');
  const recursive = opts.flags.has('r') || opts.flags.has('R');
  if (opts.operands.length === 0) return force ? 0 : usage(io, 'rm [-irf] FILE...');
  let status = 0;
  const report = (message: string) => {
    io.err(`rm: ${message}\n`);
    status = 1;
  };
  for (const operand of opts.operands) {
    const base = baseName(operand);
    if (base === '.' || base === '..') {
      report("can't remove '.' or '..'");
      continue;
    }
    const stat = statPath(ctx, operand);
    const path = resolve(ctx, operand) ?? '/';
    if (typeof stat === 'string') {
      if (!(force && stat === 'ENOENT')) report(`can't remove '${operand}': ${strerror(stat)}`);
    } else if (stat.type !== 'dir') {
      const error = ctx.fs.remove(path, false);
      if (error) report(`can't remove '${operand}': ${strerror(error)}`);
    } else if (!recursive) report(`'${operand}' is a directory`);
    else removeTree(ctx, operand, path, report);
  }
  return status;
};

const rmdir: Program = (args, io, ctx) => {
  const opts = parseOptions('rmdir', args, 'p');
  if ('error' in opts) return fail(io, opts.error);
  if (opts.operands.length === 0) return usage(io, 'rmdir [-p] DIRECTORY...');
  let status = 0;
  for (const operand of opts.operands) {
    const stat = statPath(ctx, operand);
    const path = resolve(ctx, operand) ?? '/';
    const names = typeof stat !== 'string' && stat.type === 'dir' ? ctx.fs.readDir(path) : [];
    // rmdir(2) semantics checked here, so every ShellFs gives the same answer.
    const error =
      typeof stat === 'string'
        ? stat
        : stat.type !== 'dir'
          ? 'ENOTDIR'
          : typeof names === 'string'
            ? names
            : names.length > 0
              ? 'ENOTEMPTY'
              : ctx.fs.remove(path, true);
    if (error) {
      io.err(`rmdir: '${operand}': ${strerror(error)}\n`);
      status = 1;
    }
  }
  return status;
};

const mkdir: Program = (args, io, ctx) => {
  const opts = parseOptions('mkdir', args, 'pv', 'm');
  if ('error' in opts) return fail(io, opts.error);
  if (opts.operands.length === 0) return usage(io, 'mkdir [-m MODE] [-p] DIRECTORY...');
  let status = 0;
  for (const operand of opts.operands) {
    const full = resolve(ctx, operand);
    const error = full === undefined ? 'ENOENT' : ctx.fs.mkdir(full, opts.flags.has('p'));
    if (error) {
      io.err(`mkdir: can't create directory '${operand}': ${strerror(error)}\n`);
      status = 1;
    }
  }
  return status;
};

/** Times are not modelled, so touching an existing file only checks it could be written. */
const touch: Program = (args, io, ctx) => {
  const opts = parseOptions('touch', args, 'cam', 'dtr');
  if ('error' in opts) return fail(io, opts.error);
  if (opts.operands.length === 0) return usage(io, 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...');
  let status = 0;
  for (const operand of opts.operands) {
    const stat = statPath(ctx, operand);
    if (typeof stat !== 'string' && stat.type === 'dir') continue;
    if (stat === 'ENOENT' && opts.flags.has('c')) continue;
    const error = stat === 'ENOTDIR' ? stat : writePath(ctx, operand, '', true);
    if (error) {
      io.err(`touch: ${operand}: ${strerror(error)}\n`);
      status = 1;
    }
  }
  return status;
};

export const filePrograms: Record<string, Program> = { rm, rmdir, mkdir, touch };

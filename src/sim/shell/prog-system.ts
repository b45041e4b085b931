/** Programs about the container rather than its files: df, pwd, true, false, sleep, hostname, date. */
import { isWithin } from './paths.ts';
import { fail, type Program, parseOptions, resolve, statPath, usage } from './program.ts';
import type { DiskUsage } from './shell-fs.ts';
import { humanSize } from './text.ts';

/** The simulator has its own clock; `date` in a container shows a fixed moment (same as `ls -l`). */
export const DATE_OUTPUT = 'Mon Jan  6 12:00:00 UTC 2025';

/** busybox df.c: header "Filesystem           %-15sUsed Available Use% Mounted on", rows "%-20s %9s %9s %9s %3u%% %s". */
const df: Program = (args, io, ctx) => {
  const opts = parseOptions('df', args, 'hkmaPT');
  if ('error' in opts) return fail(io, opts.error);
  const human = opts.flags.has('h');
  const unit = opts.flags.has('m') ? 1024 * 1024 : 1024;
  const all = ctx.fs.diskFree();
  let status = 0;
  let shown: DiskUsage[] = all;
  if (opts.operands.length > 0) {
    shown = [];
    for (const operand of opts.operands) {
      const path = resolve(ctx, operand);
      // The filesystem holding a path is the mount with the longest matching mount point.
      const disk = all
        .filter((usage) => path !== undefined && isWithin(path, usage.mountedOn))
        .sort((a, b) => b.mountedOn.length - a.mountedOn.length)[0];
      if (typeof statPath(ctx, operand) === 'string' || !disk) {
        io.err(`df: ${operand}: can't find mount point\n`);
        status = 1;
      } else shown.push(disk);
    }
  }
  const header = human ? '     Size' : unit === 1024 ? '1K-blocks' : '1M-blocks';
  io.out(`Filesystem           ${header.padEnd(15)}Used Available Use% Mounted on\n`);
  const cell = (bytes: number) => (human ? humanSize(bytes) : String(Math.floor((bytes + unit / 2) / unit)));
  for (const disk of shown) {
    const size = Math.max(0, disk.sizeBytes);
    const used = Math.min(size, Math.max(0, disk.usedBytes));
    const available = size - used;
    const percent = size > 0 ? Math.floor((used * 100 + size / 2) / size) : 0;
    // A long device name gets its own line, the numbers continue under column 21.
    const device =
      disk.filesystem.length > 20 ? `${disk.filesystem}\n${' '.repeat(20)}` : disk.filesystem.padEnd(20);
    const numbers = [size, used, available].map((bytes) => cell(bytes).padStart(9)).join(' ');
    io.out(`${device} ${numbers} ${String(percent).padStart(3)}% ${disk.mountedOn}\n`);
  }
  return status;
};

const sleep: Program = (args, io) => {
  if (args.length === 0) return usage(io, 'sleep [N]...');
  // `sleep infinity` is the usual keep-alive command of a pod.
  const bad = args.find((arg) => !/^(\d+(\.\d+)?[smhd]?|inf|infinity)$/.test(arg));
  if (bad !== undefined) return fail(io, `sleep: invalid number '${bad}'\n`);
  // Simulated time moves only with `sim advance`: a sleep inside a container returns at once.
  return 0;
};

const hostname: Program = (args, io, ctx) => {
  const name = args.find((arg) => !arg.startsWith('-'));
  if (name !== undefined) return fail(io, 'hostname: sethostname: Operation not permitted\n');
  io.out(`${ctx.hostname}\n`);
  return 0;
};

export const systemPrograms: Record<string, Program> = {
  df,
  sleep,
  hostname,
  pwd: (_args, io, ctx) => {
    io.out(`${ctx.cwd}\n`);
    return 0;
  },
  true: () => 0,
  false: () => 1,
  date: (_args, io) => {
    io.out(`${DATE_OUTPUT}\n`);
    return 0;
  },
};

/**
 * `kubectl exec POD -- COMMAND…`: runs COMMAND in the container. Without a shell there is no
 * quoting, redirection or `&&`: argv[0] is exec'd directly, so an unknown name fails in the
 * container runtime (OCI error, exit 126) rather than in a shell (`sh: foo: not found`, 127).
 */
import type { ShellContext } from './program.ts';
import { findProgram, isShell } from './programs.ts';
import { runShell } from './sh-run.ts';
import type { ShellFs } from './shell-fs.ts';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** The pod's hostname (its name), for `hostname`. */
  hostname?: string;
  /** What `kubectl exec -i` feeds the command. */
  stdin?: string;
}

/**
 * runc's wording as containerd reports it; kubectl then adds "command terminated with exit code
 * 126" (the code docker and containerd give an exec that cannot start).
 */
const notFound = (name: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;

export function runExec(argv: string[], fs: ShellFs, options: ExecOptions = {}): ExecResult {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: options.stdin ?? '',
    out: (text: string) => {
      stdout += text;
    },
    err: (text: string) => {
      stderr += text;
    },
  };
  const ctx: ShellContext = { fs, cwd: '/', hostname: options.hostname ?? 'localhost' };
  const [name, ...args] = argv;
  if (name === undefined) {
    return {
      stdout,
      stderr: 'error: you must specify at least one command for the container\n',
      exitCode: 1,
    };
  }
  try {
    const program = isShell(name) ? undefined : findProgram(name);
    if (!isShell(name) && !program) return { stdout, stderr: notFound(name), exitCode: 126 };
    // Run first: the output strings are read only once the program has written them.
    const exitCode = program ? program(args, io, ctx) : runShell(args, io, ctx, 0);
    return { stdout, stderr, exitCode };
  } catch {
    // The programs return errors as values; this only guards the engine against a ShellFs that
    // throws (or an engine bug), so one exec never takes the whole simulator down.
    return { stdout, stderr: `${stderr}sh: internal error\n`, exitCode: 1 };
  }
}

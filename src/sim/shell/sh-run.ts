/**
 * The interpreter behind `sh -c`: runs parsed lists with busybox ash's semantics and wording.
 * Output is routed through file-descriptor "sinks" so `2>&1` and `> f` keep the order in which
 * they were written; a file redirection is created (truncated) before the command runs, like open(2).
 */
import { splitShellWords } from '../lib/shell-words.ts';
import {
  fail,
  type ProgramIo,
  readPath,
  resolve,
  type ShellContext,
  statPath,
  strerror,
  writePath,
} from './program.ts';
import { findProgram, isShell, writerName } from './programs.ts';
import { type AndOr, type Pipeline, parseSh, type SimpleCommand } from './sh-parse.ts';
import type { FsError } from './shell-fs.ts';

/** Deep enough for any real `sh -c "sh -c '…'"`, shallow enough never to overflow the JS stack. */
const MAX_DEPTH = 16;

interface Shell {
  ctx: ShellContext;
  depth: number;
  /** Set by `exit`: the shell stops and returns this code. */
  exitCode?: number;
}

type Sink =
  | { kind: 'out' }
  | { kind: 'err' }
  | { kind: 'null' }
  | { kind: 'file'; path: string; text: string };

/** ash's errmsg(): ENOENT reads "nonexistent directory" when creating, "no such file" when opening. */
function redirectError(op: 'create' | 'open', target: string, error: FsError): string {
  const text =
    error === 'ENOENT' ? (op === 'create' ? 'nonexistent directory' : 'no such file') : strerror(error);
  return `sh: can't ${op} ${target}: ${text}\n`;
}

function openSink(shell: Shell, target: string, append: boolean, io: ProgramIo): Sink | undefined {
  if (resolve(shell.ctx, target) === '/dev/null') return { kind: 'null' };
  const error = writePath(shell.ctx, target, '', append);
  if (error) {
    io.err(redirectError('create', target, error));
    return undefined;
  }
  return { kind: 'file', path: target, text: '' };
}

function runSimple(command: SimpleCommand, io: ProgramIo, shell: Shell): number {
  let stdout: Sink = { kind: 'out' };
  let stderr: Sink = { kind: 'err' };
  let stdin = io.stdin;
  const files: Extract<Sink, { kind: 'file' }>[] = [];
  for (const { op, target } of command.redirects) {
    if (op === '2>&1') stderr = stdout;
    else if (op === '>&2') stdout = stderr;
    else if (op === '<<') stdin = target;
    else if (op === '<') {
      const read = readPath(shell.ctx, target);
      if ('error' in read) {
        io.err(redirectError('open', target, read.error));
        return 1;
      }
      stdin = read.text;
    } else {
      const sink = openSink(shell, target, op === '>>' || op === '2>>', io);
      if (!sink) return 1;
      if (sink.kind === 'file') files.push(sink);
      if (op.startsWith('2')) stderr = sink;
      else stdout = sink;
    }
  }
  const write = (sink: Sink, text: string) => {
    if (sink.kind === 'out') io.out(text);
    else if (sink.kind === 'err') io.err(text);
    else if (sink.kind === 'file') sink.text += text;
  };
  const word = command.argv[0];
  let status =
    word === undefined
      ? 0
      : execute(
          word,
          command.argv.slice(1),
          { stdin, out: (t) => write(stdout, t), err: (t) => write(stderr, t) },
          shell,
        );
  for (const file of files) {
    const error = file.text === '' ? undefined : writePath(shell.ctx, file.path, file.text, true);
    if (error) {
      io.err(`${writerName(word ?? 'sh')}: write error: ${strerror(error)}\n`);
      status = 1;
    }
  }
  return status;
}

function execute(word: string, args: string[], io: ProgramIo, shell: Shell): number {
  if (word === ':') return 0;
  if (word === 'exit') {
    const code = args[0] ?? '0';
    // exit leaves the shell even when its argument is bad (ash then exits 2).
    shell.exitCode = /^\d+$/.test(code) ? Number.parseInt(code, 10) % 256 : 2;
    if (!/^\d+$/.test(code)) return fail(io, `sh: exit: Illegal number: ${code}\n`, 2);
    return shell.exitCode;
  }
  if (word === 'cd') {
    const target = args[0] ?? '/';
    const stat = statPath(shell.ctx, target);
    const error =
      typeof stat === 'string' ? strerror(stat) : stat.type === 'dir' ? undefined : strerror('ENOTDIR');
    if (error) return fail(io, `sh: cd: can't cd to ${target}: ${error}\n`, 2);
    shell.ctx.cwd = resolve(shell.ctx, target) ?? '/';
    return 0;
  }
  if (isShell(word)) return runShell(args, io, shell.ctx, shell.depth + 1);
  const program = findProgram(word);
  if (!program) return fail(io, `sh: ${word}: not found\n`, 127);
  return program(args, io, shell.ctx);
}

function runPipeline(pipeline: Pipeline, io: ProgramIo, shell: Shell): number {
  if (pipeline.length === 1 && pipeline[0]) return runSimple(pipeline[0], io, shell);
  // Each part of a pipeline runs in a subshell: its `cd` or `exit` does not reach this shell.
  let input = io.stdin;
  let status = 0;
  pipeline.forEach((command, index) => {
    const last = index === pipeline.length - 1;
    let output = '';
    const sub: Shell = { ctx: { ...shell.ctx }, depth: shell.depth };
    const capture = (text: string) => {
      output += text;
    };
    const subIo = { stdin: input, out: last ? io.out : capture, err: io.err };
    status = runSimple(command, subIo, sub);
    input = output;
  });
  return status;
}

function runAndOr(chain: AndOr, io: ProgramIo, shell: Shell): number {
  let status = runPipeline(chain.first, io, shell);
  for (const { op, pipeline } of chain.rest) {
    if (shell.exitCode !== undefined) break;
    if ((op === '&&') === (status === 0)) status = runPipeline(pipeline, io, shell);
  }
  return status;
}

/** Runs a script text in a fresh shell (its own working directory); returns the exit code. */
export function runScript(script: string, io: ProgramIo, ctx: ShellContext, depth: number): number {
  if (depth > MAX_DEPTH) return fail(io, 'sh: too many nested shells\n', 2);
  const split = splitShellWords(script);
  if ('error' in split) {
    const detail =
      split.reason === 'unterminated-quote' ? 'unterminated quoted string' : 'unexpected newline';
    return fail(io, `sh: syntax error: ${detail}\n`, 2);
  }
  const parsed = parseSh(split.tokens);
  const shell: Shell = { ctx: { ...ctx }, depth };
  let status = 0;
  for (const line of parsed.lines) {
    for (const chain of line) {
      status = runAndOr(chain, io, shell);
      if (shell.exitCode !== undefined) return shell.exitCode;
    }
  }
  if (parsed.error !== undefined) return fail(io, `sh: syntax error: ${parsed.error}\n`, 2);
  return status;
}

/** `sh [-c SCRIPT [NAME [ARGS…]]] | [-s] | [FILE]`: the shell program itself. */
export function runShell(args: string[], io: ProgramIo, ctx: ShellContext, depth: number): number {
  const first = args[0];
  if (first === undefined || first === '-s' || first === '-') return runScript(io.stdin, io, ctx, depth);
  if (/^-[a-z]*c[a-z]*$/.test(first)) {
    const script = args[1];
    if (script === undefined) return fail(io, 'sh: -c requires an argument\n', 2);
    return runScript(script, io, ctx, depth);
  }
  if (first.startsWith('-')) return fail(io, `sh: ${first}: invalid option\n`, 2);
  const read = readPath(ctx, first);
  if ('error' in read) return fail(io, `sh: can't open '${first}': ${strerror(read.error)}\n`, 2);
  return runScript(read.text, io, ctx, depth);
}

/** Text programs, with busybox's options, output layout and error wording: echo, cat, wc, head, tail, grep. */
import {
  fail,
  type Program,
  type ProgramIo,
  parseOptions,
  readPath,
  type ShellContext,
  strerror,
} from './program.ts';
import { splitLines, utf8Length } from './text.ts';

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** `echo -e` escapes; `\c` ends all output, so the caller learns whether to stop. */
function expandEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charAt(k);
    const next = text.charAt(k + 1);
    if (c !== '\\' || next === '') {
      out += c;
      continue;
    }
    if (next === 'c') return { text: out, stop: true };
    const simple = Object.hasOwn(SIMPLE_ESCAPES, next) ? SIMPLE_ESCAPES[next] : undefined;
    const digits = next === '0' ? /^[0-7]{0,3}/.exec(text.slice(k + 2))?.[0] : undefined;
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(k + 2))?.[0] : undefined;
    if (simple !== undefined) {
      out += simple;
      k += 1;
    } else if (digits !== undefined) {
      out += String.fromCharCode(digits === '' ? 0 : Number.parseInt(digits, 8) & 0xff);
      k += 1 + digits.length;
    } else if (hex !== undefined) {
      out += String.fromCharCode(Number.parseInt(hex, 16));
      k += 1 + hex.length;
    } else out += c;
  }
  return { text: out, stop: false };
}

/** Busybox echo parses no real options: only leading words made of n, e, E count. */
const echo: Program = (args, io) => {
  let newline = true;
  let escapes = false;
  let k = 0;
  for (; k < args.length && /^-[neE]+$/.test(args[k] ?? ''); k += 1) {
    for (const letter of (args[k] ?? '').slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  const text = args.slice(k).join(' ');
  if (!escapes) {
    io.out(newline ? `${text}\n` : text);
    return 0;
  }
  const { text: expanded, stop } = expandEscapes(text);
  io.out(newline && !stop ? `${expanded}\n` : expanded);
  return 0;
};

/** Reads each operand (`-` or none: standard input), reporting unreadable ones busybox-style. */
function eachInput(
  ctx: ShellContext,
  io: ProgramIo,
  operands: string[],
  cantOpen: (name: string, message: string) => string,
  consume: (text: string, name: string) => void,
): number {
  let status = 0;
  for (const name of operands.length > 0 ? operands : ['-']) {
    const read = name === '-' ? { text: io.stdin } : readPath(ctx, name);
    if ('error' in read) {
      io.err(cantOpen(name, strerror(read.error)));
      status = 1;
    } else consume(read.text, name);
  }
  return status;
}

const cat: Program = (args, io, ctx) => {
  const opts = parseOptions('cat', args, 'nu');
  if ('error' in opts) return fail(io, opts.error);
  let number = 0;
  return eachInput(
    ctx,
    io,
    opts.operands,
    (name, message) =>
      message === strerror('EISDIR')
        ? `cat: read error: ${message}\n`
        : `cat: can't open '${name}': ${message}\n`,
    (text) => {
      if (!opts.flags.has('n')) return io.out(text);
      for (const line of splitLines(text)) {
        number += 1;
        io.out(`${String(number).padStart(6)}\t${line}`);
      }
    },
  );
};

const wc: Program = (args, io, ctx) => {
  const opts = parseOptions('wc', args, 'lwcm');
  if ('error' in opts) return fail(io, opts.error);
  const wanted = ['l', 'w', 'c', 'm'].filter((letter) => opts.flags.has(letter));
  const columns = wanted.length > 0 ? wanted : ['l', 'w', 'c'];
  const totals = new Map<string, number>();
  // One requested count and no file name: busybox prints the bare number (`wc -l` in a pipe).
  const format = (counts: Map<string, number>, name?: string) => {
    const cells = columns.map((c, k) => {
      const value = String(counts.get(c) ?? 0);
      return k === 0 && columns.length === 1 ? value : value.padStart(9);
    });
    return `${cells.join(' ')}${name === undefined ? '' : ` ${name}`}\n`;
  };
  const status = eachInput(
    ctx,
    io,
    opts.operands,
    (name, message) => `wc: can't open '${name}': ${message}\n`,
    (text, name) => {
      const counts = new Map<string, number>([
        ['l', text.split('\n').length - 1],
        ['w', text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length],
        ['c', utf8Length(text)],
        ['m', Array.from(text).length],
      ]);
      for (const [key, value] of counts) totals.set(key, (totals.get(key) ?? 0) + value);
      io.out(format(counts, opts.operands.length > 0 ? name : undefined));
    },
  );
  if (opts.operands.length > 1) io.out(format(totals, 'total'));
  return status;
};

/** head and tail: `-n N`, `-N`, tail's `-n +N` (from line N); headers when given several files. */
function headTail(program: 'head' | 'tail'): Program {
  return (args, io, ctx) => {
    const normalised = /^-\d+$/.test(args[0] ?? '')
      ? ['-n', (args[0] ?? '').slice(1), ...args.slice(1)]
      : args;
    // `tail -f` cannot wait for more in a simulation: it prints what there is and returns.
    const opts = parseOptions(program, normalised, program === 'tail' ? 'qvfF' : 'qv', 'n');
    if ('error' in opts) return fail(io, opts.error);
    const raw = opts.values.get('n') ?? '10';
    const fromStart = program === 'tail' && raw.startsWith('+');
    const count = /^[+-]?\d+$/.test(raw) ? Math.abs(Number.parseInt(raw, 10)) : Number.NaN;
    if (!Number.isSafeInteger(count)) return fail(io, `${program}: invalid number '${raw}'\n`);
    const headers = opts.operands.length > 1 && !opts.flags.has('q');
    let first = true;
    return eachInput(
      ctx,
      io,
      opts.operands,
      (name, message) => `${program}: can't open '${name}': ${message}\n`,
      (text, name) => {
        if (headers) io.out(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
        first = false;
        const lines = splitLines(text);
        let picked: string[];
        if (program === 'head') picked = lines.slice(0, count);
        else if (fromStart) picked = lines.slice(Math.max(0, count - 1));
        else picked = count === 0 ? [] : lines.slice(-count);
        io.out(picked.join(''));
      },
    );
  };
}

/** grep matches a plain substring (no regular expressions): enough for the course's checks. */
const grep: Program = (args, io, ctx) => {
  const opts = parseOptions('grep', args, 'ivcnqsFEHhw', 'e');
  if ('error' in opts) return fail(io, opts.error, 2);
  const operands = [...opts.operands];
  const pattern = opts.values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    io.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] PATTERN [FILE]...\n');
    return 2;
  }
  const fold = opts.flags.has('i');
  const needle = fold ? pattern.toLowerCase() : pattern;
  const prefixNames = (operands.length > 1 || opts.flags.has('H')) && !opts.flags.has('h');
  let matched = false;
  const status = eachInput(
    ctx,
    io,
    operands,
    (name, message) => (opts.flags.has('s') ? '' : `grep: ${name}: ${message}\n`),
    (text, name) => {
      const shown = name === '-' ? '(standard input)' : name;
      let count = 0;
      const lines = text === '' ? [] : text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      lines.forEach((line, index) => {
        const hit = (fold ? line.toLowerCase() : line).includes(needle) !== opts.flags.has('v');
        if (!hit) return;
        count += 1;
        matched = true;
        if (opts.flags.has('q') || opts.flags.has('c')) return;
        io.out(`${prefixNames ? `${shown}:` : ''}${opts.flags.has('n') ? `${index + 1}:` : ''}${line}\n`);
      });
      if (opts.flags.has('c') && !opts.flags.has('q')) io.out(`${prefixNames ? `${shown}:` : ''}${count}\n`);
    },
  );
  if (matched && opts.flags.has('q')) return 0;
  return status !== 0 ? 2 : matched ? 0 : 1;
};

export const textPrograms: Record<string, Program> = {
  echo,
  cat,
  wc,
  head: headTail('head'),
  tail: headTail('tail'),
  grep,
};

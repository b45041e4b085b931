/**
 * Parses `sh -c` tokens into lists of and-or chains of pipelines of simple commands. Like
 * busybox ash, which parses and runs one line at a time, a syntax error stops the script only
 * where it occurs: the lines before it are returned and still run.
 */
import type { ShellOperator, ShellToken } from '../lib/shell-words.ts';

export type RedirectOp = '>' | '>>' | '2>' | '2>>' | '2>&1' | '>&2' | '<' | '<<';

export interface Redirect {
  op: RedirectOp;
  /** File name for `>`, `>>`, `2>`, `2>>`, `<`; body for `<<`. */
  target: string;
}

export interface SimpleCommand {
  argv: string[];
  redirects: Redirect[];
}

export type Pipeline = SimpleCommand[];

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ParsedSh {
  /** One entry per line of the script, each a list of and-or chains. */
  lines: AndOr[][];
  /** busybox wording after `sh: syntax error: `. */
  error?: string;
}

const FILE_REDIRECTS = new Set<ShellOperator>(['>', '>>', '2>', '2>>', '<']);

const tokenName = (token: ShellToken | undefined): string => {
  if (!token) return 'end of file';
  if (token.kind === 'word') return `"${token.value}"`;
  if (token.kind === 'heredoc') return '"<<"';
  return token.op === '\n' ? 'newline' : `"${token.op}"`;
};

class Parser {
  pos = 0;
  constructor(private readonly tokens: ShellToken[]) {}

  peek(): ShellToken | undefined {
    return this.tokens[this.pos];
  }

  isOp(...ops: ShellOperator[]): boolean {
    const token = this.peek();
    return token?.kind === 'operator' && ops.includes(token.op);
  }

  skipNewlines(): void {
    while (this.isOp('\n')) this.pos += 1;
  }

  command(): SimpleCommand | string {
    const command: SimpleCommand = { argv: [], redirects: [] };
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'word') command.argv.push(token.value);
      else if (token.kind === 'heredoc') command.redirects.push({ op: '<<', target: token.body ?? '' });
      else if (token.op === '2>&1' || token.op === '>&2')
        command.redirects.push({ op: token.op, target: '' });
      else if (FILE_REDIRECTS.has(token.op)) {
        const target = this.tokens[this.pos + 1];
        if (target?.kind !== 'word') return `unexpected ${target ? tokenName(target) : 'newline'}`;
        command.redirects.push({ op: token.op as RedirectOp, target: target.value });
        this.pos += 1;
      } else break;
      this.pos += 1;
    }
    if (command.argv.length === 0 && command.redirects.length === 0)
      return `unexpected ${tokenName(this.peek())}`;
    return command;
  }

  pipeline(): Pipeline | string {
    const first = this.command();
    if (typeof first === 'string') return first;
    const pipeline = [first];
    while (this.isOp('|')) {
      this.pos += 1;
      this.skipNewlines();
      const next = this.command();
      if (typeof next === 'string') return next;
      pipeline.push(next);
    }
    return pipeline;
  }

  andOr(): AndOr | string {
    const first = this.pipeline();
    if (typeof first === 'string') return first;
    const chain: AndOr = { first, rest: [] };
    for (let token = this.peek(); token?.kind === 'operator'; token = this.peek()) {
      if (token.op !== '&&' && token.op !== '||') break;
      this.pos += 1;
      this.skipNewlines();
      const pipeline = this.pipeline();
      if (typeof pipeline === 'string') return pipeline;
      chain.rest.push({ op: token.op, pipeline });
    }
    return chain;
  }

  /** One line: and-or chains separated by `;` or `&` (run in order: nothing runs in the background). */
  line(): AndOr[] | string {
    const list: AndOr[] = [];
    while (this.peek() && !this.isOp('\n')) {
      const chain = this.andOr();
      if (typeof chain === 'string') return chain;
      list.push(chain);
      if (this.isOp(';', '&')) this.pos += 1;
      else if (this.peek() && !this.isOp('\n')) return `unexpected ${tokenName(this.peek())}`;
    }
    return list;
  }
}

export function parseSh(tokens: ShellToken[]): ParsedSh {
  const parser = new Parser(tokens);
  const lines: AndOr[][] = [];
  for (parser.skipNewlines(); parser.peek(); parser.skipNewlines()) {
    const line = parser.line();
    if (typeof line === 'string') return { lines, error: line };
    lines.push(line);
  }
  return { lines };
}

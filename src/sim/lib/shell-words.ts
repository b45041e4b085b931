/**
 * POSIX-shell-like word splitting, shared by the script language (one command a line) and the
 * tiny `sh -c` interpreter behind `kubectl exec`. Quoting follows the shell: single quotes are
 * literal, double quotes honour `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes takes
 * the next character literally. No expansion and no globbing: `$X` and `*` stay as written.
 * Linear in the input and never throws: a bad input is an error value.
 */

export type ShellOperator =
  | ';'
  | '&'
  | '&&'
  | '||'
  | '|'
  | '>'
  | '>>'
  | '2>'
  | '2>>'
  | '2>&1'
  | '>&2'
  | '<'
  | '\n';

export type ShellToken =
  /** `quoted` is true when any part of the word was quoted or escaped (`">"` is a word, not an operator). */
  | { kind: 'word'; value: string; quoted: boolean }
  | { kind: 'operator'; op: ShellOperator }
  /**
   * `<<WORD`, `<<'WORD'`, `<<"WORD"`, `<<-WORD` (strips leading tabs). `body` is filled when the
   * input itself holds the lines after the opener's newline (an `sh -c` string); a script
   * collects its own body lines, so that it can keep them verbatim with their line numbers.
   */
  | { kind: 'heredoc'; delimiter: string; quoted: boolean; stripTabs: boolean; body?: string };

export type ShellWordsError = {
  error: string;
  reason: 'unterminated-quote' | 'missing-heredoc-delimiter';
};

export type ShellWordsResult = { tokens: ShellToken[] } | ShellWordsError;

type HeredocToken = Extract<ShellToken, { kind: 'heredoc' }>;

const BLANKS = ' \t\r';
const OPERATOR_CHARS = ';&|<>\n';
const DOUBLE_QUOTE_ESCAPES = '"\\$`';

const unterminated = (quote: string): ShellWordsError => ({
  error: `unexpected EOF while looking for matching \`${quote}'`,
  reason: 'unterminated-quote',
});

/** Reads a double-quoted string starting after its opening quote; returns the text and the index after the closing quote. */
function readDoubleQuoted(input: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  let j = start;
  while (j < input.length) {
    const ch = input.charAt(j);
    if (ch === '"') return { text, end: j + 1 };
    if (ch === '\\' && j + 1 < input.length) {
      const next = input.charAt(j + 1);
      if (DOUBLE_QUOTE_ESCAPES.includes(next)) text += next;
      else if (next !== '\n') text += `\\${next}`;
      j += 2;
      continue;
    }
    text += ch;
    j += 1;
  }
  return undefined;
}

/** The one scanner behind words and here-document delimiters: stops at a blank or an operator character. */
function readWord(
  input: string,
  start: number,
): { value: string; quoted: boolean; end: number } | ShellWordsError {
  let value = '';
  let quoted = false;
  let i = start;
  while (i < input.length) {
    const c = input.charAt(i);
    if (BLANKS.includes(c) || OPERATOR_CHARS.includes(c)) break;
    if (c === '\\') {
      if (i + 1 >= input.length) {
        value += '\\';
        i += 1;
      } else {
        // Backslash-newline is a line continuation: both characters disappear.
        if (input.charAt(i + 1) !== '\n') value += input.charAt(i + 1);
        quoted = true;
        i += 2;
      }
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close === -1) return unterminated("'");
      value += input.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else if (c === '"') {
      const read = readDoubleQuoted(input, i + 1);
      if (!read) return unterminated('"');
      value += read.text;
      quoted = true;
      i = read.end;
    } else {
      value += c;
      i += 1;
    }
  }
  return { value, quoted, end: i };
}

/** Consumes the here-document bodies that follow a newline, in the order their openers appeared. */
function collectBodies(input: string, start: number, pending: HeredocToken[]): number {
  let pos = start;
  for (const doc of pending) {
    let body = '';
    while (pos < input.length) {
      const newline = input.indexOf('\n', pos);
      const lineEnd = newline === -1 ? input.length : newline;
      const raw = input.slice(pos, lineEnd);
      const line = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
      pos = newline === -1 ? input.length : newline + 1;
      if (line === doc.delimiter) break;
      body += `${line}\n`;
    }
    // Like the shell, end of input also ends the body (bash warns; busybox ash is silent).
    doc.body = body;
  }
  pending.length = 0;
  return pos;
}

function readOperator(input: string, i: number): { op: ShellOperator; length: number } | undefined {
  const two = input.slice(i, i + 2);
  if (input.startsWith('2>&1', i)) return { op: '2>&1', length: 4 };
  if (input.startsWith('1>&2', i)) return { op: '>&2', length: 4 };
  if (input.startsWith('2>>', i)) return { op: '2>>', length: 3 };
  if (input.startsWith('1>>', i)) return { op: '>>', length: 3 };
  if (input.startsWith('>&2', i)) return { op: '>&2', length: 3 };
  if (two === '2>') return { op: '2>', length: 2 };
  if (two === '1>') return { op: '>', length: 2 };
  if (two === '&&' || two === '||' || two === '>>') return { op: two, length: 2 };
  const one = input.charAt(i);
  if (one === ';' || one === '&' || one === '|' || one === '>' || one === '<' || one === '\n') {
    return { op: one, length: 1 };
  }
  return undefined;
}

export function splitShellWords(input: string): ShellWordsResult {
  const tokens: ShellToken[] = [];
  const pending: HeredocToken[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (BLANKS.includes(c)) {
      i += 1;
      continue;
    }
    if (c === '\\' && input.charAt(i + 1) === '\n') {
      i += 2;
      continue;
    }
    // `#` starts a comment only at the start of a word, as in the shell (`a#b` is one word).
    if (c === '#') {
      const newline = input.indexOf('\n', i);
      i = newline === -1 ? input.length : newline;
      continue;
    }
    if (input.startsWith('<<', i)) {
      let j = i + 2;
      const stripTabs = input.charAt(j) === '-';
      if (stripTabs) j += 1;
      while (j < input.length && (input.charAt(j) === ' ' || input.charAt(j) === '\t')) j += 1;
      const word = readWord(input, j);
      if ('error' in word) return word;
      if (word.end === j) {
        return { error: "syntax error near unexpected token `newline'", reason: 'missing-heredoc-delimiter' };
      }
      const token: HeredocToken = { kind: 'heredoc', delimiter: word.value, quoted: word.quoted, stripTabs };
      tokens.push(token);
      pending.push(token);
      i = word.end;
      continue;
    }
    // A digit makes a file-descriptor redirection only as a whole word (`a2>f` is `a2` then `>`).
    const operator =
      c === '1' || c === '2' || OPERATOR_CHARS.includes(c) ? readOperator(input, i) : undefined;
    if (operator) {
      tokens.push({ kind: 'operator', op: operator.op });
      i += operator.length;
      if (operator.op === '\n' && pending.length > 0) i = collectBodies(input, i, pending);
      continue;
    }
    const word = readWord(input, i);
    if ('error' in word) return word;
    tokens.push({ kind: 'word', value: word.value, quoted: word.quoted });
    i = word.end;
  }
  return { tokens };
}

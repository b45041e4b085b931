/**
 * The script language of docs/commands.md: one command a line, `#` comments, `# step:`
 * markers, here-documents feeding standard input. Never throws: a command that cannot be parsed
 * carries an `error` (and an empty argv), so the runner prints it and changes nothing.
 */
import { type ShellToken, splitShellWords } from '../lib/shell-words.ts';

export interface ScriptCommand {
  /** 1-based line of the command's first line. */
  line: number;
  /** The command as written, for the transcript: continuation lines and here-document included. */
  source: string;
  argv: string[];
  stdin?: string;
  /** How many `# step:` markers came before this command. */
  step: number;
  /** The caption of the current step. */
  caption?: string;
  error?: string;
}

const STEP_MARKER = /^#\s*step:(.*)$/;

/** A line ending in an odd number of backslashes continues on the next line, as in the shell. */
function continues(line: string): boolean {
  let count = 0;
  for (let k = line.length - 1; k >= 0 && line.charAt(k) === '\\'; k -= 1) count += 1;
  return count % 2 === 1;
}

type Words = { argv: string[]; heredocs: Extract<ShellToken, { kind: 'heredoc' }>[]; operator?: string };

function sortTokens(tokens: ShellToken[]): Words {
  const words: Words = { argv: [], heredocs: [] };
  for (const token of tokens) {
    if (token.kind === 'word') words.argv.push(token.value);
    else if (token.kind === 'heredoc') words.heredocs.push(token);
    else words.operator ??= token.op === '\n' ? 'newline' : token.op;
  }
  return words;
}

const operatorError = (op: string) =>
  `shell operator '${op}' is not supported here: write one command per line (quote it to pass it on)`;

export function parseCommandLine(line: string): { argv: string[] } | { error: string } {
  const split = splitShellWords(line);
  if ('error' in split) return { error: `error: ${split.error}` };
  const words = sortTokens(split.tokens);
  if (words.operator !== undefined) return { error: `error: ${operatorError(words.operator)}` };
  if (words.heredocs.length > 0) return { error: 'error: here-documents are only supported in scripts' };
  return { argv: words.argv };
}

export function parseScript(text: string): ScriptCommand[] {
  // Windows line endings would otherwise end up inside arguments and YAML.
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const commands: ScriptCommand[] = [];
  let step = 0;
  let caption: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    const trimmed = first.trim();
    const marker = STEP_MARKER.exec(trimmed);
    if (trimmed === '' || marker) {
      if (marker) {
        step += 1;
        caption = (marker[1] ?? '').trim() || undefined;
      }
      i += 1;
      continue;
    }
    const start = i;
    while (continues(lines[i] ?? '') && i + 1 < lines.length) i += 1;
    const commandText = lines.slice(start, i + 1).join('\n');
    i += 1;
    const base = { line: start + 1, step, ...(caption === undefined ? {} : { caption }) };
    const split = splitShellWords(commandText);
    if ('error' in split) {
      commands.push({
        ...base,
        source: commandText.trim(),
        argv: [],
        error: `error: line ${start + 1}: ${split.error}`,
      });
      continue;
    }
    const words = sortTokens(split.tokens);
    if (words.argv.length === 0 && words.heredocs.length === 0 && words.operator === undefined) continue;

    // Here-document bodies follow the command line, one after another, verbatim.
    let stdin: string | undefined;
    let error: string | undefined;
    for (const doc of words.heredocs) {
      const bodyLines: string[] = [];
      let closed = false;
      while (i < lines.length) {
        const raw = lines[i] ?? '';
        i += 1;
        const bodyLine = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (bodyLine === doc.delimiter) {
          closed = true;
          break;
        }
        bodyLines.push(bodyLine);
      }
      if (!closed) {
        error ??= `error: here-document at line ${start + 1} delimited by end-of-file (wanted '${doc.delimiter}')`;
      }
      stdin = bodyLines.length > 0 ? `${bodyLines.join('\n')}\n` : '';
    }
    const source = lines.slice(start, i).join('\n').trim();
    if (error === undefined && words.operator !== undefined) {
      error = `error: line ${start + 1}: ${operatorError(words.operator)}`;
    }
    if (error === undefined && words.argv.length === 0) {
      error = `error: line ${start + 1}: here-document without a command`;
    }
    if (error !== undefined) commands.push({ ...base, source, argv: [], error });
    else commands.push({ ...base, source, argv: words.argv, ...(stdin === undefined ? {} : { stdin }) });
  }
  return commands;
}

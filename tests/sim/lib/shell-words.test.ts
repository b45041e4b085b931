import { describe, expect, it } from 'vitest';
import { type ShellToken, splitShellWords } from '../../../src/sim/lib/shell-words.ts';

const word = (value: string, quoted = false): ShellToken => ({ kind: 'word', value, quoted });
const op = (value: string): ShellToken => ({ kind: 'operator', op: value }) as ShellToken;

const tokens = (input: string) => {
  const result = splitShellWords(input);
  if ('error' in result) throw new Error(result.error);
  return result.tokens;
};

describe('splitShellWords', () => {
  it.each<[string, string, ShellToken[]]>([
    ['splits on blanks', '  kubectl   get\tpods ', [word('kubectl'), word('get'), word('pods')]],
    ['keeps single quotes literal', `echo 'a "b" \\n $X'`, [word('echo'), word('a "b" \\n $X', true)]],
    [
      'honours escapes in double quotes',
      'echo "a \\"b\\" \\\\ \\$X \\` \\n"',
      [word('echo'), word('a "b" \\ $X ` \\n', true)],
    ],
    ['joins adjacent quoted parts into one word', `a'b'"c"d`, [word('abcd', true)]],
    ['keeps an empty quoted word', `echo ''`, [word('echo'), word('', true)]],
    [
      'takes a backslashed character literally',
      'echo a\\ b \\>',
      [word('echo'), word('a b', true), word('>', true)],
    ],
    ['removes backslash-newline', 'echo a\\\nb', [word('echo'), word('ab', true)]],
    ['keeps a trailing backslash', 'echo a\\', [word('echo'), word('a\\')]],
    ['leaves variables unexpanded', 'echo $HOME $X', [word('echo'), word('$HOME'), word('$X')]],
    [
      'treats a quoted operator as a word',
      `echo ">" '&&'`,
      [word('echo'), word('>', true), word('&&', true)],
    ],
    ['drops a comment at a word start', 'echo a # b c', [word('echo'), word('a')]],
    ['keeps # inside a word', 'echo a#b', [word('echo'), word('a#b')]],
    [
      'reads ; && || |',
      'a;b&&c||d|e',
      [word('a'), op(';'), word('b'), op('&&'), word('c'), op('||'), word('d'), op('|'), word('e')],
    ],
    [
      'reads redirections',
      'a >f >>g 2>h 2>&1 <i',
      [
        word('a'),
        op('>'),
        word('f'),
        op('>>'),
        word('g'),
        op('2>'),
        word('h'),
        op('2>&1'),
        op('<'),
        word('i'),
      ],
    ],
    ['reads 2> only as a whole word', 'echo a2>f', [word('echo'), word('a2'), op('>'), word('f')]],
    ['reads 1> and >&2', 'a 1>f >&2', [word('a'), op('>'), word('f'), op('>&2')]],
    ['reads a newline as an operator', 'a\nb', [word('a'), op('\n'), word('b')]],
  ])('%s', (_name, input, expected) => {
    expect(tokens(input)).toEqual(expected);
  });

  it.each<[string, Partial<ShellToken>]>([
    ['<<EOF', { delimiter: 'EOF', quoted: false, stripTabs: false }],
    ["<<'YAML'", { delimiter: 'YAML', quoted: true, stripTabs: false }],
    ['<<"END"', { delimiter: 'END', quoted: true, stripTabs: false }],
    ['<<-EOF', { delimiter: 'EOF', quoted: false, stripTabs: true }],
    ['<< EOF', { delimiter: 'EOF', quoted: false, stripTabs: false }],
  ])('reads the here-document opener %s', (opener, expected) => {
    expect(tokens(`cat ${opener}`)[1]).toMatchObject({ kind: 'heredoc', ...expected });
  });

  it('collects here-document bodies after the newline, verbatim', () => {
    const result = tokens("cat <<A <<-'B'\n$X \\n\nA\n\tb\n\tB\necho done");
    expect(result[1]).toMatchObject({ kind: 'heredoc', body: '$X \\n\n' });
    expect(result[2]).toMatchObject({ kind: 'heredoc', body: 'b\n' });
    expect(result.slice(3)).toEqual([op('\n'), word('echo'), word('done')]);
  });

  it.each([
    ['an unterminated double quote', 'echo "abc', 'unexpected EOF while looking for matching `"\''],
    ['an unterminated single quote', "echo 'abc", "unexpected EOF while looking for matching `''"],
    ['a here-document without a delimiter', 'cat <<', "syntax error near unexpected token `newline'"],
  ])('reports %s as an error value', (_name, input, error) => {
    expect(splitShellWords(input)).toMatchObject({ error });
  });
});

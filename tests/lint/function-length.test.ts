import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longFunctions } from '../helpers/function-lengths.ts';
import { sourceFiles } from '../helpers/import-graph.ts';

// Small functions read like the rules they implement. A function over 120 lines under src/ must say
// why it stays long in the comment above it (containing "long" or "stays whole").
const root = resolve(import.meta.dirname, '../..');
const limit = 120;
const explained = /\blong\b|stays whole/i;

describe('function length', () => {
  it(`no function under src/ is over ${limit} lines without a comment saying why`, () => {
    const unexplained = sourceFiles(join(root, 'src'))
      .flatMap((file) => longFunctions(file, limit))
      .filter((fn) => !explained.test(fn.comment))
      .map((fn) => `${relative(root, fn.file)}:${fn.line} ${fn.name} (${fn.lines} lines)`);
    expect(unexplained).toEqual([]);
  });

  it('the check measures functions, arrow functions and methods, and reads their comment', () => {
    const body = Array.from({ length: limit }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const code = `export function big() {\n${body}\n}\n// Long: kept whole on purpose.\nconst arrow = () => {\n${body}\n};\nclass C {\n  method() {\n${body}\n  }\n}\nexport function small() {}\n`;
    const found = longFunctions('/x.ts', limit, code);
    expect(found.map((fn) => [fn.name, fn.lines])).toEqual([
      ['big', limit + 2],
      ['arrow', limit + 2],
      ['method', limit + 2],
    ]);
    expect(found.map((fn) => explained.test(fn.comment))).toEqual([false, true, false]);
  });
});

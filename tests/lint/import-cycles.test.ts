import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, runtimeImports, sourceFiles } from '../helpers/import-graph.ts';

// No runtime import cycle under src/ (what counts as a runtime import: tests/helpers/import-graph.ts).
const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

describe('import cycles', () => {
  it('there is no runtime import cycle under src/', () => {
    const graph = new Map(sourceFiles(src).map((file) => [file, runtimeImports(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(root, file)));
    expect(cycles).toEqual([]);
  });

  it('the check finds a cycle, and ignores type-only imports', () => {
    const a = join(src, 'a.ts');
    const b = join(src, 'b.ts');
    const c = join(src, 'c.ts');
    const graph = new Map([
      [a, [b]],
      [b, [a]],
      [c, [c]],
    ]);
    expect(findCycles(graph)).toEqual([[a, b].sort(), [c]]);
    const file = join(src, 'sim', 'cluster.ts');
    expect(
      runtimeImports(file, "import type { X } from './state.ts';\nexport type { Y } from './view.ts';\n"),
    ).toEqual([]);
    expect(runtimeImports(file, "import { type X } from './state.ts';\nimport('./engine.ts');\n")).toEqual([
      join(src, 'sim', 'state.ts'),
    ]);
  });
});

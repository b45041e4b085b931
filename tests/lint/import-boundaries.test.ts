import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves the lint rules that keep the engine pure actually fire (not just that they are written).
const eslint = new ESLint();
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import boundaries', () => {
  it.each([
    ["import { useState } from 'react';", 'react'],
    ["import { create } from 'zustand';", 'zustand'],
    ["import { ReactFlow } from '@xyflow/react';", '@xyflow/react'],
    ["import { messages } from '../i18n/messages/index.ts';", 'the i18n folder'],
    ["import { Layout } from '../../app/layout/Layout.tsx';", 'the app folder'],
    ["import { checkGoal } from '../../scenarios/goal.ts';", 'the scenarios folder'],
    ["import { loadProgress } from '../../progress/progress-store.ts';", 'the progress folder'],
    ["import { navigate } from '../../routing/history.ts';", 'the routing folder'],
  ])('forbids src/sim from importing %s (%s)', async (code) => {
    const found = await problems('src/sim/controllers/pv-controller.ts', `${code}\nexport {};\n`);
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('forbids the DOM in src/sim', async () => {
    const found = await problems('src/sim/cluster.ts', 'export const width = window.innerWidth;\n');
    expect(found.some((p) => p.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('lets src/sim import its own modules and src/lib', async () => {
    const code =
      "import { a } from './api/store.ts';\nimport { b } from '../lib/x.ts';\nexport const c = [a, b];\n";
    expect(await problems('src/sim/cluster.ts', code)).toEqual([]);
  });

  it.each([
    ['src/simulator/Console.tsx', "import { engine } from '../sim/engine.ts';"],
    ['src/simulator/model/project.ts', "import { runCommand } from '../../sim/index.ts';"],
    ['src/store/sim-store.ts', "import { runScript } from '../sim/cluster.ts';"],
    ['src/store/sim-store.ts', "import { useState } from 'react';"],
  ])('keeps the lazily loaded engine out of %s', async (file, code) => {
    const found = await problems(file, `${code}\nexport const x = 1;\n`);
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    ['src/ui/Link.tsx', "import { navigate } from '../app/history.ts';"],
    ['src/ui/Button.tsx', "import { App } from '../app/App.tsx';"],
    ['src/lib/safe-storage.ts', "import { parseRoute } from '../app/routes.ts';"],
    ['src/routing/paths.ts', "import { parseRoute } from '../app/routes.ts';"],
    ['src/i18n/locales.ts', "import { App } from '../app/App.tsx';"],
  ])('keeps %s, a leaf, from importing src/app', async (file, code) => {
    const found = await problems(file, `${code}\nexport const x = 1;\n`);
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('lets leaves import each other', async () => {
    const code = "import { navigate } from '../routing/history.ts';\nexport const x = navigate;\n";
    expect(await problems('src/ui/Link.tsx', code)).toEqual([]);
  });

  it('lets the diagram import the read-only view and engine types', async () => {
    const code =
      "import { podStatus } from '../sim/view.ts';\nimport type { Engine } from '../sim/engine.ts';\nexport const x: Engine | typeof podStatus | undefined = undefined;\n";
    expect(await problems('src/simulator/Console.tsx', code)).toEqual([]);
  });
});

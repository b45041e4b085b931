import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTranscript } from '../../../src/sim/cli/transcript.ts';
import { createCluster, runScript } from '../../../src/sim/cluster.ts';

/**
 * Golden transcripts: each `*.script` here, run against the default cluster exactly as the
 * headless runner runs it, must print its `*.golden` file byte for byte. Regenerate one after a
 * deliberate change with `npm run -s sim -- tests/sim/transcripts/NAME.script > …/NAME.golden`,
 * and read the difference line by line against real kubectl before committing it.
 */
const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((file) => file.endsWith('.script'))
  .sort();

describe('golden transcripts', () => {
  it('there is a golden file for every script', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    for (const script of scripts) {
      expect(() => readFileSync(join(here, script.replace(/\.script$/, '.golden')))).not.toThrow();
    }
  });

  it.each(scripts)('%s prints its golden transcript', (script) => {
    const text = readFileSync(join(here, script), 'utf8');
    const readFile = (path: string) => {
      try {
        return readFileSync(resolve(here, path), 'utf8');
      } catch {
        return undefined;
      }
    };
    const { steps } = runScript(createCluster(), text, { readFile });
    const golden = readFileSync(join(here, script.replace(/\.script$/, '.golden')), 'utf8');
    expect(formatTranscript(steps)).toBe(golden);
  });
});

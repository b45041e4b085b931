// The headless runner: `npm run -s sim -- [--json] SCRIPT` (`-` reads standard input). Runs the
// script against the default cluster and prints a transcript. Node-only entry point.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCluster, runScript } from '../cluster.ts';
import { formatTranscript, toJsonTranscript } from './transcript.ts';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((arg) => arg !== '--json');
  const unknown = files.find((arg) => arg.startsWith('--'));
  if (unknown || files.length !== 1) {
    process.stderr.write('usage: npm run -s sim -- [--json] SCRIPT   (SCRIPT may be - for standard input)\n');
    return 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(
      `sim: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  const base = file === '-' ? process.cwd() : dirname(resolve(file));
  const readFile = (path: string) => {
    try {
      return readFileSync(resolve(base, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const { steps } = runScript(createCluster(), text, { readFile });
  process.stdout.write(json ? toJsonTranscript(steps) : formatTranscript(steps));
  return 0;
}

process.exitCode = main(process.argv.slice(2));

import type { ScriptStep } from '../cluster.ts';

/**
 * `$ COMMAND` then what it printed (standard output, then standard error), for each command —
 * exactly the contract of docs/commands.md (step captions are for presenters, not transcripts).
 */
export function formatTranscript(steps: ScriptStep[]): string {
  return steps.map(({ command, result }) => `$ ${command.source}\n${result.stdout}${result.stderr}`).join('');
}

/** `--json`: one array, an element per command. */
export function toJsonTranscript(steps: ScriptStep[]): string {
  const items = steps.map(({ command, result }) => ({
    command: command.source,
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

import type { ScriptStep } from '../cluster.ts';

/** `$ COMMAND` then what it printed (standard output, then standard error), for each command. */
export function formatTranscript(steps: ScriptStep[]): string {
  return steps
    .map(({ command, result }) => {
      const caption =
        command.caption && isFirstOfStep(steps, command.step, command.line)
          ? `# step: ${command.caption}\n`
          : '';
      return `${caption}$ ${command.source}\n${result.stdout}${result.stderr}`;
    })
    .join('');
}

function isFirstOfStep(steps: ScriptStep[], step: number, line: number): boolean {
  return steps.find((s) => s.command.step === step)?.command.line === line;
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

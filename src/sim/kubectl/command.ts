import type { ApiServer } from '../api/api-server.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandContext {
  api: ApiServer;
  /** Arguments after the program and verb, e.g. for `kubectl get pods -o wide`: `['pods','-o','wide']`. */
  args: string[];
  stdin?: string;
}

export type Handler = (ctx: CommandContext) => CommandResult;

/** Thrown by a handler that refuses: the engine discards every change the command made. */
export class Refusal extends Error {
  constructor(readonly result: CommandResult) {
    super(result.stderr);
  }
}

export const ok = (stdout: string, stderr = ''): CommandResult => ({ stdout, stderr, exitCode: 0 });
export const failed = (stderr: string, exitCode = 1, stdout = ''): CommandResult => ({
  stdout,
  stderr: stderr.endsWith('\n') || stderr === '' ? stderr : `${stderr}\n`,
  exitCode,
});
export function refuse(stderr: string, exitCode = 1): never {
  throw new Refusal(failed(stderr, exitCode));
}

import { type CommandContext, type CommandResult, ok, refuse } from './command.ts';
import { applyCommand, type FileReader } from './commands/apply.ts';
import { deleteCommand } from './commands/delete.ts';
import { describeCommand } from './commands/describe.ts';
import { execCommand } from './commands/exec.ts';
import { getCommand } from './commands/get.ts';
import { labelCommand, patchCommand, scaleCommand } from './commands/modify.ts';
import { cordonCommand, drainCommand } from './commands/node-maintenance.ts';
import { asksForHelp, kubectlUsage, kubectlVerbHelp } from './help.ts';

export const kubectlVersion = 'v1.35.0';

/** Real kubectl commands outside the simulator's subset: say so rather than "unknown command". */
const notSimulated = new Set([
  'logs',
  'edit',
  'run',
  'explain',
  'rollout',
  'top',
  'port-forward',
  'attach',
  'cp',
  'expose',
  'set',
  'config',
  'api-resources',
  'api-versions',
  'cluster-info',
  'auth',
  'debug',
  'diff',
  'kustomize',
  'taint',
  'wait',
  'events',
  'replace',
  'autoscale',
  'certificate',
  'plugin',
  'proxy',
  'completion',
  'alpha',
]);

/** The `kubectl` program: its verbs, with kubectl's answer to an unknown one. */
export function kubectl(ctx: CommandContext, readFile?: FileReader): CommandResult {
  const [verb, ...args] = ctx.args;
  const sub = { ...ctx, args };
  if (verb === '--help' || verb === '-h' || (verb === 'help' && args.length === 0)) return ok(kubectlUsage());
  if (verb === 'help') return kubectlVerbHelp(args[0] as string);
  if (verb !== undefined && asksForHelp(args) && !notSimulated.has(verb)) return kubectlVerbHelp(verb);
  switch (verb) {
    case undefined:
      return ok(kubectlUsage());
    case 'get':
      return getCommand(sub);
    case 'describe':
      return describeCommand(sub);
    case 'apply':
      return applyCommand(sub, 'apply', readFile);
    case 'create':
      return applyCommand(sub, 'create', readFile);
    case 'delete':
      return deleteCommand(sub, readFile);
    case 'exec':
      return execCommand(sub);
    case 'cordon':
      return cordonCommand(sub, true);
    case 'uncordon':
      return cordonCommand(sub, false);
    case 'drain':
      return drainCommand(sub);
    case 'scale':
      return scaleCommand(sub);
    case 'patch':
      return patchCommand(sub);
    case 'label':
      return labelCommand(sub, 'labels');
    case 'annotate':
      return labelCommand(sub, 'annotations');
    case 'version':
      return ok(
        `Client Version: ${kubectlVersion}\nKustomize Version: v5.7.1\nServer Version: ${kubectlVersion}\n`,
      );
    default:
      if (notSimulated.has(verb)) {
        refuse(`error: "kubectl ${verb}" is a real kubectl command that this simulator does not provide`);
      }
      refuse(`error: unknown command "${verb}" for "kubectl"`);
  }
}

import type {
  ClusterNode,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../api/types.ts';
import { matchesRequirements, parseSelector, type Requirement } from '../../lib/label-selector.ts';
import { tabwrite } from '../../lib/tabwriter.ts';
import { type CommandContext, type CommandResult, refuse } from '../command.ts';
import {
  describeClaim,
  describeNode,
  describeStorageClass,
  describeVolume,
  describeWorkload,
} from '../describe/describe-others.ts';
import { describePod } from '../describe/describe-pod.ts';
import { parseArgs } from '../flags.ts';
import { notFoundMessage } from '../resources.ts';
import { resolveTargets } from './get.ts';

export function describeCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'selector', short: 'l', value: true },
      { name: 'show-events', value: true },
    ],
    'kubectl describe',
  );
  if (parsed.positional.length === 0)
    refuse(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  const namespace = parsed.flags.get('namespace') ?? 'default';
  // -l narrows the listed objects, as for get (kubectl refuses it next to names, but not here).
  const selectorText = parsed.flags.get('selector');
  let requirements: Requirement[] | undefined;
  if (selectorText !== undefined) {
    const selector = parseSelector(selectorText);
    if ('error' in selector) refuse(`error: ${selector.error}`);
    requirements = selector.requirements;
  }
  const blocks: string[] = [];
  const errors: string[] = [];
  for (const { resource, names } of resolveTargets(parsed.positional)) {
    const objects =
      names.length > 0
        ? names.flatMap((name) => {
            const object = ctx.api.get(resource.kind, name, namespace);
            if (!object) errors.push(notFoundMessage(resource, name));
            return object ? [object] : [];
          })
        : ctx.api
            .list(resource.kind, resource.namespaced ? namespace : undefined)
            .filter((object) => !requirements || matchesRequirements(object.metadata.labels, requirements));
    for (const object of objects) blocks.push(`${tabwrite(describeObject(ctx, object).join('\n'))}\n`);
  }
  if (blocks.length === 0 && errors.length === 0)
    return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  return {
    stdout: blocks.join('\n\n'),
    stderr: errors.length > 0 ? `${errors.join('\n')}\n` : '',
    exitCode: errors.length > 0 ? 1 : 0,
  };
}

function describeObject(ctx: CommandContext, object: KubeObject): string[] {
  switch (object.kind) {
    case 'Pod':
      return describePod(ctx.api, object as Pod);
    case 'PersistentVolumeClaim':
      return describeClaim(ctx.api, object as PersistentVolumeClaim);
    case 'PersistentVolume':
      return describeVolume(ctx.api, object as PersistentVolume);
    case 'Node':
      return describeNode(ctx.api, object as ClusterNode);
    case 'StorageClass':
      return describeStorageClass(ctx.api, object as StorageClass);
    default:
      return describeWorkload(ctx.api, object).length > 0
        ? describeWorkload(ctx.api, object)
        : [`Name:\t${object.metadata.name}`];
  }
}

import type { KubeObject } from '../../api/types.ts';
import { matchesRequirements, parseSelector } from '../../lib/label-selector.ts';
import { type CommandContext, type CommandResult, refuse } from '../command.ts';
import { flagOn, parseArgs } from '../flags.ts';
import { notFoundMessage, resourceOfKind } from '../resources.ts';
import { type FileReader, loadManifests } from './apply.ts';
import { resolveTargets } from './get.ts';

/**
 * kubectl delete. Finalizers are honoured: a claim in use or a bound volume stays Terminating.
 * Real kubectl then waits (`--wait=true`) until the object is gone; the simulator returns at once
 * and the object shows Terminating.
 */
export function deleteCommand(ctx: CommandContext, readFile?: FileReader): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'filename', short: 'f', value: true },
      { name: 'selector', short: 'l', value: true },
      { name: 'force' },
      { name: 'grace-period', value: true },
      { name: 'wait', value: true },
      { name: 'all' },
      { name: 'now' },
      { name: 'ignore-not-found' },
    ],
    'kubectl delete',
  );
  const { api } = ctx;
  const namespace = parsed.flags.get('namespace') ?? 'default';
  const force = flagOn(parsed, 'force') && (parsed.flags.get('grace-period') ?? '0') === '0';
  if (flagOn(parsed, 'force') && !parsed.flags.has('grace-period')) {
    // kubectl: --force needs --grace-period=0 to skip graceful deletion
  }
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  const file = parsed.flags.get('filename');
  if (file !== undefined) {
    for (const { object } of loadManifests(ctx, [file], readFile)) {
      const live = api.get(object.kind, object.metadata.name, object.metadata.namespace ?? namespace);
      const resource = resourceOfKind(object.kind);
      if (live) targets.push(live);
      else if (resource)
        errors.push(
          notFoundMessage(resource, object.metadata.name).replace(
            '(NotFound): ',
            `(NotFound): error when deleting "${file === '-' ? 'STDIN' : file}": `,
          ),
        );
    }
  } else {
    if (parsed.positional.length === 0) {
      refuse(`error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`);
    }
    const selector = parsed.flags.get('selector');
    for (const { resource, names } of resolveTargets(parsed.positional)) {
      if (names.length > 0) {
        for (const name of names) {
          const object = api.get(resource.kind, name, namespace);
          if (object) targets.push(object);
          else if (!flagOn(parsed, 'ignore-not-found')) errors.push(notFoundMessage(resource, name));
        }
      } else if (selector !== undefined || flagOn(parsed, 'all')) {
        const requirements = selector !== undefined ? parseSelector(selector) : { requirements: [] };
        if ('error' in requirements) refuse(`error: ${requirements.error}`);
        targets.push(
          ...api
            .list(resource.kind, resource.namespaced ? namespace : undefined)
            .filter((o) => matchesRequirements(o.metadata.labels, requirements.requirements)),
        );
      } else {
        refuse('error: resource(s) were provided, but no name was specified');
      }
    }
  }
  const lines: string[] = [];
  let warning = '';
  if (force)
    warning =
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
  for (const object of targets) {
    const resource = resourceOfKind(object.kind);
    const label = resource
      ? `${resource.singular}${resource.group ? `.${resource.group}` : ''}`
      : object.kind.toLowerCase();
    api.delete(object, { force });
    lines.push(`${label} "${object.metadata.name}" ${force ? 'force deleted' : 'deleted'}`);
  }
  if (targets.length === 0 && errors.length === 0) {
    return { stdout: '', stderr: `No resources found\n`, exitCode: 0 };
  }
  const stdout = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const stderr = warning + (errors.length > 0 ? `${errors.join('\n')}\n` : '');
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

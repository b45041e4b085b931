import type { KubeObject } from '../../api/types.ts';
import { type CommandContext, type CommandResult, ok, refuse } from '../command.ts';
import { flagOn, parseArgs } from '../flags.ts';
import { notFoundMessage, typedName } from '../resources.ts';
import { updateObject } from './apply.ts';
import { resolveTargets } from './get.ts';

function singleTarget(ctx: CommandContext, positional: string[], verb: string): KubeObject {
  if (positional.length === 0)
    refuse(
      `error: You must provide one or more resources by argument or filename.\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  const namespace = 'default';
  const [{ resource, names } = { resource: undefined, names: [] }] = resolveTargets(positional);
  const name = names[0];
  if (!resource || !name) refuse(`error: resource(s) were provided, but no name was specified`);
  const object = ctx.api.get(resource.kind, name, namespace);
  if (!object) refuse(notFoundMessage(resource, name));
  return object;
}

/** kubectl scale (rs|deploy|sts)/NAME --replicas=N */
export function scaleCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'replicas', value: true },
      { name: 'current-replicas', value: true },
    ],
    'kubectl scale',
  );
  const replicas = parsed.flags.get('replicas');
  if (replicas === undefined) refuse('error: required flag(s) "replicas" not set');
  const count = Number(replicas);
  if (!Number.isInteger(count) || count < 0)
    refuse('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (parsed.positional.length === 0) singleTarget(ctx, parsed.positional, 'scale');
  // Every target (`rs/a deploy/b`, or `deploy a b`) is found and checked before any is scaled.
  const objects = resolveTargets(parsed.positional).flatMap(({ resource, names }) => {
    if (names.length === 0) refuse('error: resource(s) were provided, but no name was specified');
    return names.map((name) => {
      const object = ctx.api.get(resource.kind, name, parsed.flags.get('namespace') ?? 'default');
      if (!object) refuse(notFoundMessage(resource, name));
      if (!['ReplicaSet', 'Deployment', 'StatefulSet'].includes(object.kind)) {
        refuse(`error: cannot scale ${typedName(object.kind, object.metadata.name).split('/')[0]}`);
      }
      return object;
    });
  });
  const lines = objects.map((object) => {
    updateObject(ctx.api, object, { spec: { replicas: count } }, 'scale');
    return `${typedName(object.kind, object.metadata.name)} scaled\n`;
  });
  return ok(lines.join(''));
}

/** kubectl patch KIND NAME --type merge -p JSON (strategic merge is treated as a merge patch). */
export function patchCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'type', value: true },
      { name: 'patch', short: 'p', value: true },
    ],
    'kubectl patch',
  );
  const type = parsed.flags.get('type') ?? 'strategic';
  if (!['merge', 'strategic'].includes(type)) {
    refuse(
      type === 'json'
        ? 'error: --type json is not available in the simulator; use --type merge'
        : `error: --type must be one of [json merge strategic], not "${type}"`,
    );
  }
  const text = parsed.flags.get('patch');
  if (text === undefined) refuse('error: must specify -p to patch');
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch {
    refuse(`error: unable to parse "${text}": yaml: did not find expected node content`);
  }
  const object = singleTarget(ctx, parsed.positional, 'patch');
  const changed = updateObject(ctx.api, object, patch, 'patch');
  return ok(
    `${typedName(object.kind, object.metadata.name)} ${changed ? 'patched' : 'patched (no change)'}\n`,
  );
}

/** kubectl label / annotate KIND NAME k=v … k- [--overwrite] */
export function labelCommand(ctx: CommandContext, field: 'labels' | 'annotations'): CommandResult {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const parsed = parseArgs(
    ctx.args,
    [{ name: 'overwrite' }, { name: 'all' }, { name: 'selector', short: 'l', value: true }],
    `kubectl ${verb}`,
  );
  const changes = parsed.positional.filter((arg) => arg.includes('=') || arg.endsWith('-'));
  const targets = parsed.positional.filter((arg) => !changes.includes(arg));
  if (changes.length === 0)
    refuse(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const object = singleTarget(ctx, targets, verb);
  const before = { ...object.metadata[field] };
  const patch: Record<string, string | null> = {};
  for (const change of changes) {
    if (change.endsWith('-') && !change.includes('=')) {
      patch[change.slice(0, -1)] = null;
      continue;
    }
    const [key = '', value = ''] = change.split(/=(.*)/s);
    if (key in before && before[key] !== value && !flagOn(parsed, 'overwrite')) {
      refuse(`error: '${key}' already has a value (${before[key]}), and --overwrite is false`);
    }
    patch[key] = value;
  }
  const changed = updateObject(ctx.api, object, { metadata: { [field]: patch } }, verb);
  const after =
    ctx.api.get(object.kind, object.metadata.name, object.metadata.namespace)?.metadata[field] ?? {};
  // kubectl's updateDataChangeMsg: "unlabeled" when labels were only removed (without --overwrite).
  let message = field === 'labels' ? 'labeled' : 'annotated';
  if (!changed) message = `not ${message}`;
  else if (
    field === 'labels' &&
    !flagOn(parsed, 'overwrite') &&
    Object.keys(after).length < Object.keys(before).length
  )
    message = 'unlabeled';
  return ok(`${typedName(object.kind, object.metadata.name)} ${message}\n`);
}

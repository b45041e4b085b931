import type { KubeObject } from '../../api/types.ts';
import { cloneJson } from '../../lib/clone.ts';
import { matchesRequirements, parseSelector, type Requirement } from '../../lib/label-selector.ts';
import { toKubectlJson, toKubectlYaml } from '../../lib/serialize.ts';
import { formatTable } from '../../lib/table.ts';
import { type CommandContext, type CommandResult, failed, ok, refuse } from '../command.ts';
import { flagOn, parseArgs } from '../flags.ts';
import { tableFor } from '../printers/tables.ts';
import { findResource, notFoundMessage, type ResourceType, resourceOfKind, typedName } from '../resources.ts';

const allTypes = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet'];

/** What `-o yaml|json` shows: the object as stored, without the simulator's undefined fields. */
export function printable(object: KubeObject): KubeObject {
  const copy = cloneJson(object);
  // The simulator's own bookkeeping annotations (volumelab.dev/…) are not part of what a real
  // cluster would show.
  const annotations = Object.entries(copy.metadata.annotations ?? {}).filter(
    ([key]) => !key.startsWith('volumelab.dev/'),
  );
  if (annotations.length > 0) copy.metadata.annotations = Object.fromEntries(annotations);
  else delete copy.metadata.annotations;
  return copy;
}

/** Resolves `KIND NAME…`, `KIND,KIND`, `KIND/NAME …` into (resource, names) requests. */
export function resolveTargets(positional: string[]): Array<{ resource: ResourceType; names: string[] }> {
  const [first = '', ...rest] = positional;
  if (first.includes('/')) {
    return positional.map((arg) => {
      const [type = '', name = ''] = arg.split('/');
      const resource = findResource(type);
      if (!resource) refuse(`error: the server doesn't have a resource type "${type}"`);
      if (!name) refuse(`error: arguments in resource/name form must have a single resource and name`);
      return { resource, names: [name] };
    });
  }
  const types =
    first === 'all'
      ? allTypes.map((kind) => resourceOfKind(kind) as ResourceType)
      : first.split(',').map((type) => {
          const resource = findResource(type);
          if (!resource) refuse(`error: the server doesn't have a resource type "${type}"`);
          return resource;
        });
  if (types.length > 1 && rest.length > 0)
    refuse('error: you must specify only one resource type when also specifying names');
  return types.map((resource) => ({ resource, names: rest }));
}

export function getCommand({ api, args }: CommandContext): CommandResult {
  const parsed = parseArgs(
    args,
    [
      { name: 'output', short: 'o', value: true },
      { name: 'selector', short: 'l', value: true },
      { name: 'watch', short: 'w' },
      { name: 'show-labels' },
      { name: 'field-selector', value: true },
    ],
    'kubectl get',
  );
  if (flagOn(parsed, 'watch')) {
    refuse('error: --watch is not available in the simulator: run the command again to see what changed');
  }
  if (parsed.positional.length === 0) {
    refuse(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`);
  }
  const output = parsed.flags.get('output') ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    refuse(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`,
    );
  }
  let requirements: Requirement[] = [];
  const selector = parsed.flags.get('selector');
  if (selector !== undefined) {
    const result = parseSelector(selector);
    if ('error' in result) refuse(`error: ${result.error}`);
    requirements = result.requirements;
  }
  const fieldSelector = parseFieldSelector(parsed.flags.get('field-selector'));
  const namespace = parsed.flags.get('namespace') ?? 'default';
  const targets = resolveTargets(parsed.positional);
  const errors: string[] = [];
  const found: Array<{ resource: ResourceType; objects: KubeObject[] }> = [];
  for (const { resource, names } of targets) {
    let objects: KubeObject[];
    if (names.length > 0) {
      objects = [];
      for (const name of names) {
        const object = api.get(resource.kind, name, namespace);
        if (object) objects.push(object);
        else errors.push(notFoundMessage(resource, name));
      }
    } else {
      objects = api.list(resource.kind, resource.namespaced ? namespace : undefined);
      if (requirements.length > 0)
        objects = objects.filter((o) => matchesRequirements(o.metadata.labels, requirements));
      if (fieldSelector.length > 0) objects = objects.filter((o) => matchesFields(o, fieldSelector));
      if (resource.kind === 'Event') {
        objects.sort(
          (a, b) => Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0),
        );
      }
    }
    found.push({ resource, objects });
  }
  const stderr = errors.length > 0 ? `${errors.join('\n')}\n` : '';
  const all = found.flatMap((f) => f.objects);
  const exitCode = errors.length > 0 ? 1 : 0;
  if (output === 'yaml' || output === 'json') {
    if (all.length === 0) return { stdout: '', stderr, exitCode };
    const single = all.length === 1 && targets.every((t) => t.names.length > 0);
    const value = single
      ? printable(all[0] as KubeObject)
      : { apiVersion: 'v1', items: all.map(printable), kind: 'List', metadata: { resourceVersion: '' } };
    return { stdout: output === 'yaml' ? toKubectlYaml(value) : toKubectlJson(value), stderr, exitCode };
  }
  if (output === 'name') {
    return { stdout: all.map((o) => `${typedName(o.kind, o.metadata.name)}\n`).join(''), stderr, exitCode };
  }
  const nonEmpty = found.filter((f) => f.objects.length > 0);
  if (nonEmpty.length === 0) {
    if (errors.length > 0) return failed(stderr);
    const scoped = targets.some((t) => t.resource.namespaced);
    return ok('', scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
  }
  const prefix = nonEmpty.length > 1 || parsed.positional[0] === 'all';
  const showLabels = flagOn(parsed, 'show-labels');
  const tables = nonEmpty.map(({ resource, objects }) => {
    const table = tableFor(resource.kind, objects, api.now, {
      wide: output === 'wide',
      ...(prefix ? { namePrefix: typedName(resource.kind, '').slice(0, -1) } : {}),
    });
    if (showLabels) {
      table.headers.push('LABELS');
      objects.forEach((o, i) => {
        const labels = Object.entries(o.metadata.labels ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
        table.rows[i]?.push(labels || '<none>');
      });
    }
    return formatTable(table.headers, table.rows);
  });
  return { stdout: tables.join('\n'), stderr, exitCode };
}

interface FieldRequirement {
  path: string[];
  value: string;
  equal: boolean;
}

/** `--field-selector a.b=v,c!=w` (`=`, `==`, `!=`), as the API server's field selectors read it. */
function parseFieldSelector(text: string | undefined): FieldRequirement[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((term) => {
    const match = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/.exec(term.trim());
    if (!match) refuse(`error: invalid selector: '${text}'; can't understand '${term}'`);
    const [, path = '', op, value = ''] = match;
    return { path: path.split('.'), value, equal: op !== '!=' };
  });
}

function matchesFields(object: KubeObject, requirements: FieldRequirement[]): boolean {
  return requirements.every(({ path, value, equal }) => {
    let current: unknown = object;
    for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
    const actual = current === undefined || current === null ? '' : String(current);
    return (actual === value) === equal;
  });
}

import type { ApiServer } from '../api/api-server.ts';
import { type CommandContext, type CommandResult, ok, refuse } from '../kubectl/command.ts';
import { flagOn, parseArgs } from '../kubectl/flags.ts';
import { isDns1123Subdomain, isQualifiedName, isValidLabelValue } from '../lib/validation.ts';

/** `sim node add|fail|recover|delete NAME`: what happens to machines, outside the API. */
export function simNodeCommand(ctx: CommandContext): CommandResult {
  const [action, ...rest] = ctx.args;
  const labels: Record<string, string> = {};
  const parsed = parseArgs(rest, [{ name: 'label', value: true }], `sim node ${action ?? ''}`.trim());
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const value = arg === '--label' ? rest[i + 1] : arg.startsWith('--label=') ? arg.slice(8) : undefined;
    if (value === undefined) continue;
    if (!value.includes('=')) refuse(`error: invalid label "${value}": expected key=value`);
    const [key = '', label = ''] = value.split('=');
    if (!key) refuse(`error: invalid label "${value}": expected key=value`);
    labels[key] = label;
  }
  const name = parsed.positional[0];
  if (!action || !['add', 'fail', 'recover', 'delete'].includes(action)) {
    refuse(
      `error: unknown command "${action ?? ''}" for "sim node"\nUsage: sim node (add|fail|recover|delete) NAME`,
    );
  }
  if (!name) refuse(`error: sim node ${action} needs a node name`);
  const { api } = ctx;
  const machine = api.state.machines[name];
  switch (action) {
    case 'add': {
      const nameProblems = isDns1123Subdomain(name);
      if (nameProblems.length > 0) {
        refuse(
          `The Node "${name}" is invalid: metadata.name: Invalid value: "${name}": ${nameProblems.join(', ')}`,
        );
      }
      for (const [key, value] of Object.entries(labels)) {
        const problems = [...isQualifiedName(key), ...isValidLabelValue(value)];
        if (problems.length > 0) refuse(`error: invalid label "${key}=${value}": ${problems.join(', ')}`);
      }
      if (machine?.registered && api.get('Node', name))
        refuse(`Error from server (AlreadyExists): nodes "${name}" already exists`);
      const index =
        machine?.index ?? Math.max(0, ...Object.values(api.state.machines).map((m) => m.index)) + 1;
      api.state.machines[name] = {
        up: true,
        registered: true,
        index,
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
      };
      api.state.disks.nodes[name] ??= { '/': { type: 'dir' } };
      return ok(`node/${name} joined the cluster (its kubelet registered the Node object)\n`);
    }
    case 'fail':
      requireMachine(api, name);
      if (!api.state.machines[name]?.up) refuse(`error: node "${name}" is already down`);
      (api.state.machines[name] as { up: boolean }).up = false;
      return ok(
        `node/${name} stopped answering: its kubelet no longer reports and its pods cannot be reached\n`,
      );
    case 'recover':
      requireMachine(api, name);
      if (api.state.machines[name]?.up) refuse(`error: node "${name}" is not down`);
      (api.state.machines[name] as { up: boolean }).up = true;
      return ok(`node/${name} answers again\n`);
    default: {
      const node = api.get('Node', name);
      if (!node) refuse(`Error from server (NotFound): nodes "${name}" not found`);
      api.delete(node);
      if (machine) machine.registered = false;
      return ok(`node "${name}" deleted\n`);
    }
  }
}

function requireMachine(api: ApiServer, name: string): void {
  if (!api.state.machines[name] || !api.get('Node', name))
    refuse(`Error from server (NotFound): nodes "${name}" not found`);
}

/** `sim crash POD [-c CONTAINER] [--oom]`: the container's process exits; the kubelet reacts. */
export function simCrashCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [{ name: 'container', short: 'c', value: true }, { name: 'oom' }],
    'sim crash',
  );
  const name = parsed.positional[0];
  if (!name) refuse('error: sim crash needs a pod name');
  const pod = ctx.api.get('Pod', name, parsed.flags.get('namespace') ?? 'default');
  if (!pod) refuse(`Error from server (NotFound): pods "${name}" not found`);
  const containerName = parsed.flags.get('container') ?? pod.spec.containers[0]?.name ?? '';
  const status = pod.status.containerStatuses?.find((s) => s.name === containerName);
  if (!pod.spec.containers.some((c) => c.name === containerName))
    refuse(`error: container ${containerName} is not valid for pod ${name}`);
  if (!status?.state.running) refuse(`error: container "${containerName}" in pod "${name}" is not running`);
  const oom = flagOn(parsed, 'oom');
  const terminated = {
    exitCode: oom ? 137 : 1,
    reason: oom ? 'OOMKilled' : 'Error',
    startedAt: status.state.running.startedAt,
    finishedAt: ctx.api.timestamp(),
  };
  pod.status.containerStatuses = (pod.status.containerStatuses ?? []).map((s) =>
    s.name === containerName ? { ...s, ready: false, state: { terminated } } : s,
  );
  return ok(
    `pod/${name}: container ${containerName} exited (${terminated.reason}, exit code ${terminated.exitCode})\n`,
  );
}

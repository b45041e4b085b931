import type { Pod } from '../../api/types.ts';
import { isNodeReady } from '../../controllers/node-lifecycle.ts';
import { containerFs } from '../../node/container-view.ts';
import { runExec } from '../../shell/run-exec.ts';
import { type CommandContext, type CommandResult, failed, refuse } from '../command.ts';
import { parseArgs } from '../flags.ts';
import { findResource, notFoundMessage } from '../resources.ts';

/** kubectl exec: runs the tiny shell inside the container's view of its files. */
export function execCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'container', short: 'c', value: true },
      { name: 'stdin', short: 'i' },
      { name: 'tty', short: 't' },
      { name: 'quiet', short: 'q' },
    ],
    'kubectl exec',
  );
  const [target, ...extra] = parsed.positional;
  if (!target) refuse('error: pod, type/name or --filename must be specified');
  if (!parsed.rest) {
    refuse(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (extra.length > 0)
    refuse(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`);
  if (parsed.rest.length === 0) refuse('error: you must specify at least one command for the container');
  const namespace = parsed.flags.get('namespace') ?? 'default';
  const pod = findPod(ctx, target, namespace);
  if (!pod.spec.nodeName) {
    refuse(`Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned`);
  }
  const node = ctx.api.get('Node', pod.spec.nodeName);
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
    refuse(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  }
  const name = parsed.flags.get('container');
  const container = name ? pod.spec.containers.find((c) => c.name === name) : pod.spec.containers[0];
  if (!container)
    refuse(`Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata.name}`);
  let stderr = '';
  if (!name && pod.spec.containers.length > 1) {
    stderr += `Defaulted container "${container.name}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`;
  }
  if (pod.spec.nodeName && !isNodeReady(node)) {
    const ip = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '0.0.0.0';
    refuse(`Error from server: error dialing backend: dial tcp ${ip}:10250: connect: no route to host`);
  }
  const status = pod.status.containerStatuses?.find((s) => s.name === container.name);
  const fs = status?.state.running ? containerFs(ctx.api.state, pod, container) : undefined;
  if (!fs) refuse(`error: unable to upgrade connection: container not found ("${container.name}")`);
  const result = runExec(parsed.rest, fs, {
    hostname: pod.metadata.name,
    ...(ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}),
  });
  stderr += result.stderr;
  if (result.exitCode !== 0)
    return failed(
      `${stderr}command terminated with exit code ${result.exitCode}`,
      result.exitCode,
      result.stdout,
    );
  return { stdout: result.stdout, stderr, exitCode: 0 };
}

/** POD, or TYPE/NAME meaning that controller's first pod (as kubectl picks it). */
export function findPod(ctx: CommandContext, target: string, namespace: string): Pod {
  const { api } = ctx;
  if (!target.includes('/')) {
    const pod = api.get('Pod', target, namespace);
    if (!pod) refuse(`Error from server (NotFound): pods "${target}" not found`);
    return pod;
  }
  const [type = '', name = ''] = target.split('/');
  const resource = findResource(type);
  if (!resource) refuse(`error: the server doesn't have a resource type "${type}"`);
  if (resource.kind === 'Pod') return findPod(ctx, name, namespace);
  const owner = api.get(resource.kind, name, namespace);
  if (!owner) refuse(notFoundMessage(resource, name));
  const owned = (uid: string) =>
    api.list('Pod', namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid));
  let pods = owned(owner.metadata.uid);
  if (resource.kind === 'Deployment') {
    pods = api
      .list('ReplicaSet', namespace)
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid))
      .flatMap((rs) => owned(rs.metadata.uid));
  }
  const pod = pods.filter((p) => !p.metadata.deletionTimestamp).sort(byLogging)[0];
  if (!pod) refuse(`error: no pods found for ${resource.singular}/${name}`);
  return pod;
}

/**
 * kubectl's choice among a controller's pods (podutils.ByLogging): scheduled before not, Running
 * before Pending or Unknown before finished, ready before not, fewer restarts, then by name (the
 * simulator's stand-in for age, since its clock does not move between commands).
 */
function byLogging(a: Pod, b: Pod): number {
  const phaseRank = (pod: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[pod.status.phase as string] ?? 3;
  const ready = (pod: Pod) =>
    pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  const restarts = (pod: Pod) =>
    (pod.status.containerStatuses ?? []).reduce((sum, s) => sum + s.restartCount, 0);
  return (
    Number(!a.spec.nodeName) - Number(!b.spec.nodeName) ||
    phaseRank(a) - phaseRank(b) ||
    ready(a) - ready(b) ||
    restarts(a) - restarts(b) ||
    a.metadata.name.localeCompare(b.metadata.name)
  );
}

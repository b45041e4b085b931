import type { ApiServer } from '../../api/api-server.ts';
import type { ClusterNode, Pod } from '../../api/types.ts';
import { unschedulableTaint } from '../../controllers/node-lifecycle.ts';
import { type CommandContext, type CommandResult, refuse } from '../command.ts';
import { flagOn, parseArgs } from '../flags.ts';

function getNode(api: ApiServer, name: string | undefined, verb: string): ClusterNode {
  if (!name) refuse(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  const node = api.get('Node', name);
  if (!node) refuse(`Error from server (NotFound): nodes "${name}" not found`);
  return node;
}

function setSchedulable(node: ClusterNode, schedulable: boolean): boolean {
  if (!node.spec.unschedulable === schedulable) return false;
  const taints = (node.spec.taints ?? []).filter((t) => t.key !== unschedulableTaint);
  if (schedulable) {
    delete node.spec.unschedulable;
  } else {
    node.spec.unschedulable = true;
    taints.push({ key: unschedulableTaint, effect: 'NoSchedule' });
  }
  if (taints.length > 0) node.spec.taints = taints;
  else delete node.spec.taints;
  return true;
}

/** kubectl cordon / uncordon: mark the node (un)schedulable; running pods stay. */
export function cordonCommand(ctx: CommandContext, cordon: boolean): CommandResult {
  const verb = cordon ? 'cordon' : 'uncordon';
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'dry-run', value: true },
      { name: 'selector', short: 'l', value: true },
    ],
    `kubectl ${verb}`,
  );
  // Every node named is checked before any is changed: an unknown name changes nothing.
  const names = parsed.positional.length > 0 ? parsed.positional : [undefined];
  const nodes = names.map((name) => getNode(ctx.api, name, verb));
  const lines = nodes.map(
    (node) => `node/${node.metadata.name} ${setSchedulable(node, !cordon) ? '' : 'already '}${verb}ed\n`,
  );
  return {
    stdout: lines.join(''),
    stderr: '',
    exitCode: 0,
  };
}

/**
 * kubectl drain: cordon, then evict every pod on the node. Like kubectl it first checks every pod
 * and refuses the whole eviction (the node stays cordoned) if any pod is unmanaged (needs
 * --force) or uses emptyDir (needs --delete-emptydir-data).
 */
export function drainCommand(ctx: CommandContext): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'ignore-daemonsets' },
      { name: 'delete-emptydir-data' },
      { name: 'delete-local-data' },
      { name: 'force' },
      { name: 'grace-period', value: true },
      { name: 'timeout', value: true },
      { name: 'disable-eviction' },
    ],
    'kubectl drain',
  );
  const { api } = ctx;
  const node = getNode(api, parsed.positional[0], 'drain');
  const name = node.metadata.name;
  const out: string[] = [];
  out.push(`node/${name} ${setSchedulable(node, false) ? '' : 'already '}cordoned`);
  const pods = api
    .list('Pod')
    .filter((p) => p.spec.nodeName === name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  const unmanaged = pods.filter((p) => !p.metadata.ownerReferences?.some((r) => r.controller));
  const local = pods.filter((p) => p.spec.volumes?.some((v) => v.emptyDir));
  const problems: string[] = [];
  const list = (items: Pod[]) => items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ');
  if (unmanaged.length > 0 && !flagOn(parsed, 'force')) {
    problems.push(
      `cannot delete Pods that declare no controller (use --force to override): ${list(unmanaged)}`,
    );
  }
  if (local.length > 0 && !flagOn(parsed, 'delete-emptydir-data') && !flagOn(parsed, 'delete-local-data')) {
    problems.push(
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${list(local)}`,
    );
  }
  if (problems.length > 0) {
    const joined = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
    const stderr = `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}\n`;
    return { stdout: `${out.join('\n')}\n`, stderr, exitCode: 1 };
  }
  // kubectl joins the filters' warnings into one line.
  const warnings = [
    ...(unmanaged.length > 0 ? [`deleting Pods that declare no controller: ${list(unmanaged)}`] : []),
    ...(local.length > 0 ? [`deleting Pods with local storage: ${list(local)}`] : []),
  ];
  const stderr = warnings.length > 0 ? `Warning: ${warnings.join('; ')}\n` : '';
  for (const pod of pods) {
    out.push(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    api.delete(pod);
  }
  for (const pod of pods) out.push(`pod/${pod.metadata.name} evicted`);
  out.push(`node/${name} drained`);
  return { stdout: `${out.join('\n')}\n`, stderr, exitCode: 0 };
}

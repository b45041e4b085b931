import type { ClusterState } from '../../sim/view.ts';
import type { ItemData, ItemDataOf, PodData } from './diagram-types.ts';
import { dropCommand } from './drop-command.ts';
import type { ItemKind } from './ids.ts';

/**
 * The actions a diagram item offers, each as the command it runs, so a learner sees the kubectl
 * behind every click. Pure: the menu renders these, tests check them.
 */
export type ItemAction =
  | { kind: 'command'; id: ActionId; command: string; arg?: string }
  | { kind: 'move'; targets: { node: string; command: string }[] }
  | { kind: 'write'; pod: string; containers: { name: string; mountPaths: string[] }[] };

export type ActionId =
  | 'crash'
  | 'deletePod'
  | 'scaleUp'
  | 'scaleDown'
  | 'cordon'
  | 'uncordon'
  | 'drain'
  | 'fail'
  | 'recover'
  | 'deleteClaim'
  | 'deleteVolume'
  | 'releaseVolume';

const ns = (namespace: string) => (namespace === 'default' ? '' : ` -n ${namespace}`);

/** The controller a learner scales for this pod: a Deployment over its ReplicaSet, or the owner. */
function scaleTarget(cluster: ClusterState, pod: PodData): { ref: string; replicas: number } | undefined {
  if (!pod.owner) return undefined;
  const [kind, name] = pod.owner.split('/') as [string, string];
  if (kind === 'ReplicaSet') {
    const rs = cluster.objects.ReplicaSet[`${pod.namespace}/${name}`];
    const deployment = rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (deployment) {
      const d = cluster.objects.Deployment[`${pod.namespace}/${deployment.name}`];
      return { ref: `deployment/${deployment.name}`, replicas: d?.spec.replicas ?? 1 };
    }
    return { ref: `replicaset/${name}`, replicas: rs?.spec.replicas ?? 1 };
  }
  if (kind === 'StatefulSet') {
    const sts = cluster.objects.StatefulSet[`${pod.namespace}/${name}`];
    return { ref: `statefulset/${name}`, replicas: sts?.spec.replicas ?? 1 };
  }
  return undefined;
}

/** The kinds of item that have actions, each with the name kubectl gives its resource. */
const resources = {
  pod: 'pod',
  node: 'node',
  pvc: 'persistentvolumeclaim',
  pv: 'persistentvolume',
} as const satisfies Partial<Record<ItemKind, string>>;

export type ActionableData = ItemDataOf<keyof typeof resources>;

export const hasActions = (item: ItemData | undefined): item is ActionableData =>
  item !== undefined && Object.hasOwn(resources, item.kind);

/** What the actions dialog calls an item: `pod cache`, `persistentvolumeclaim data`. */
export const actionsTitle = (item: ActionableData): string => `${resources[item.kind]} ${item.name}`;

export function itemActions(cluster: ClusterState, item: ItemData): ItemAction[] {
  switch (item.kind) {
    case 'pod': {
      const actions: ItemAction[] = [];
      const targets = Object.keys(cluster.objects.Node)
        .sort()
        .flatMap((node) => {
          const command = dropCommand({
            pod: item.name,
            namespace: item.namespace,
            from: item.node,
            target: node,
          });
          return command ? [{ node, command }] : [];
        });
      actions.push({ kind: 'move', targets });
      const pod = cluster.objects.Pod[`${item.namespace}/${item.name}`];
      if (pod?.spec.nodeName) {
        actions.push({
          kind: 'write',
          pod: item.name,
          containers: pod.spec.containers.map((c) => ({
            name: c.name,
            mountPaths: (c.volumeMounts ?? []).filter((m) => !m.readOnly).map((m) => m.mountPath),
          })),
        });
        for (const container of pod.spec.containers)
          actions.push({
            kind: 'command',
            id: 'crash',
            arg: container.name,
            command: `sim crash ${item.name} -c ${container.name}${ns(item.namespace)}`,
          });
      }
      actions.push({
        kind: 'command',
        id: 'deletePod',
        command: `kubectl delete pod ${item.name}${ns(item.namespace)}`,
      });
      const scale = scaleTarget(cluster, item);
      if (scale) {
        actions.push({
          kind: 'command',
          id: 'scaleUp',
          arg: String(scale.replicas + 1),
          command: `kubectl scale ${scale.ref} --replicas=${scale.replicas + 1}${ns(item.namespace)}`,
        });
        if (scale.replicas > 0)
          actions.push({
            kind: 'command',
            id: 'scaleDown',
            arg: String(scale.replicas - 1),
            command: `kubectl scale ${scale.ref} --replicas=${scale.replicas - 1}${ns(item.namespace)}`,
          });
      }
      return actions;
    }
    case 'node': {
      const node = cluster.objects.Node[item.name];
      const up = cluster.machines[item.name]?.up !== false;
      return [
        node?.spec.unschedulable
          ? { kind: 'command', id: 'uncordon', command: `kubectl uncordon ${item.name}` }
          : { kind: 'command', id: 'cordon', command: `kubectl cordon ${item.name}` },
        {
          kind: 'command',
          id: 'drain',
          command: `kubectl drain ${item.name} --ignore-daemonsets --delete-emptydir-data`,
        },
        up
          ? { kind: 'command', id: 'fail', command: `sim node fail ${item.name}` }
          : { kind: 'command', id: 'recover', command: `sim node recover ${item.name}` },
      ];
    }
    case 'pvc':
      return [
        {
          kind: 'command',
          id: 'deleteClaim',
          command: `kubectl delete pvc ${item.name}${ns(item.namespace)}`,
        },
      ];
    case 'pv': {
      const actions: ItemAction[] = [
        { kind: 'command', id: 'deleteVolume', command: `kubectl delete pv ${item.name}` },
      ];
      if (item.phase === 'Released')
        actions.push({
          kind: 'command',
          id: 'releaseVolume',
          command: `kubectl patch pv ${item.name} --type merge -p '{"spec":{"claimRef":null}}'`,
        });
      return actions;
    }
    default:
      return [];
  }
}

/**
 * Text a learner may write from the menu: it is single-quoted inside `sh -c "…"`, so it may hold
 * anything but quotes, `$`, backticks, backslashes and line breaks; and it must not start with `-`
 * (echo would read it as an option).
 */
export const writableText = /^(?!-)[^'"$`\\\n]*$/u;

/** The command behind "Write a file": a shell inside the container appends a line to the file. */
export function writeCommand(
  pod: string,
  namespace: string,
  container: string,
  directory: string,
  file: string,
  text: string,
): string | undefined {
  if (!/^[\w.-]+$/.test(file) || file === '.' || file === '..' || !writableText.test(text)) return undefined;
  const path = `${directory.replace(/\/$/, '')}/${file}`;
  return `kubectl exec ${pod}${ns(namespace)} -c ${container} -- sh -c "echo '${text}' >> ${path}"`;
}

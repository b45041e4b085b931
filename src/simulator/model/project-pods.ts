import type { ClusterState, Pod } from '../../sim/view.ts';
import type { DiagramEdge, DiagramNode, GhostData } from './diagram-types.ts';
import { edge } from './edges.ts';
import { podHeight, podWidth } from './geometry.ts';
import { dirId, podId, pvcId } from './ids.ts';
import { podData } from './pod-data.ts';
import { itemNode, type ProjectContext } from './project-context.ts';

type Position = { x: number; y: number };

/** The id of a pod's item. */
export const podItemId = (pod: Pod) => podId(pod.metadata.namespace ?? 'default', pod.metadata.name);

/** Pods by the node they run on; '' for pods with no node (not scheduled, or their node is gone). */
export function podsByNode(cluster: ClusterState): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of Object.values(cluster.objects.Pod)) {
    const where = pod.spec.nodeName && cluster.objects.Node[pod.spec.nodeName] ? pod.spec.nodeName : '';
    byNode.set(where, [...(byNode.get(where) ?? []), pod]);
  }
  return byNode;
}

/** A pod inside its region: a button that can be dragged onto another node. */
export function podItem(
  context: ProjectContext,
  pod: Pod,
  parentId: string,
  position: Position,
): DiagramNode {
  const { cluster, labels, move } = context;
  const data = podData(cluster, pod);
  move.markReplacement(data);
  return itemNode(data, {
    parentId,
    position,
    width: podWidth,
    height: podHeight,
    // The replacement stays out of sight until its stage, so cause comes before effect.
    hidden: move.isReplacement(data) && !data.arriving,
    draggable: !pod.metadata.deletionTimestamp,
    selectable: true,
    ariaLabel: labels.pod(data),
    ariaRole: 'button',
    domAttributes: { 'aria-roledescription': 'pod', 'aria-haspopup': 'dialog' },
    className: `kvl-pod tone-${data.tone}${data.arriving ? ' is-arriving' : ''}`,
  });
}

/** The moved pod's ghost where it was: seen, not focusable, nothing to act on. */
export function ghostItem(
  context: ProjectContext,
  data: GhostData,
  parentId: string,
  position: Position,
): DiagramNode {
  return itemNode(data, {
    parentId,
    position,
    width: podWidth,
    height: podHeight,
    draggable: false,
    selectable: false,
    focusable: false,
    ariaLabel: context.labels.ghost(data),
    className: 'kvl-pod is-ghost',
  });
}

/** Edges from pods to what they mount: hostPath directories and claims. */
export function mountEdges(context: ProjectContext): DiagramEdge[] {
  const { cluster, labels } = context;
  const edges: DiagramEdge[] = [];
  for (const item of context.inside) {
    const data = item.data;
    if (data.kind !== 'pod') continue;
    for (const mount of data.mounts) {
      if (mount.type === 'hostPath' && data.node)
        edges.push(edge(item.id, dirId(data.node, mount.source), 'mount', labels, false, mount.volume));
      if (
        mount.type === 'claim' &&
        cluster.objects.PersistentVolumeClaim[`${data.namespace}/${mount.source}`]
      )
        edges.push(edge(item.id, pvcId(data.namespace, mount.source), 'mount', labels, false, mount.volume));
    }
  }
  return edges;
}

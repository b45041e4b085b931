import type { Kind, KubeObject } from './api/types.ts';
import type { ChangeSet, ObjectRef } from './run-result.ts';
import type { ClusterState } from './state.ts';

export const noChanges = (): ChangeSet => ({ created: [], updated: [], deleted: [] });

const refOf = (object: KubeObject): ObjectRef => ({
  kind: object.kind,
  name: object.metadata.name,
  ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
});

/**
 * The objects that differ between two states. States share every object a command did not touch
 * (Immer's structural sharing), so comparing references finds the changes without a deep compare,
 * and a kind whose map is the same object is skipped whole. Objects are listed in store-key order.
 */
export function changesBetween(before: ClusterState, after: ClusterState): ChangeSet {
  const changes = noChanges();
  if (before === after) return changes;
  for (const kind of Object.keys(after.objects) as Kind[]) {
    if (kind === 'Event') continue;
    const old = before.objects[kind] as Record<string, KubeObject>;
    const now = after.objects[kind] as Record<string, KubeObject>;
    if (old === now) continue;
    for (const key of Object.keys(old).sort()) {
      const was = old[key] as KubeObject;
      const is = now[key];
      if (!is || is.metadata.uid !== was.metadata.uid) changes.deleted.push(refOf(was));
    }
    for (const key of Object.keys(now).sort()) {
      const is = now[key] as KubeObject;
      const was = old[key];
      if (!was || was.metadata.uid !== is.metadata.uid) changes.created.push(refOf(is));
      else if (was !== is) changes.updated.push(refOf(is));
    }
  }
  return changes;
}

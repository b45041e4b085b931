import { type Kind, namespacedKinds } from './types.ts';

/** Store key of an object: `namespace/name` for namespaced kinds, `name` for cluster-scoped ones. */
export function objectKey(kind: Kind, name: string, namespace = 'default'): string {
  return namespacedKinds.has(kind) ? `${namespace}/${name}` : name;
}

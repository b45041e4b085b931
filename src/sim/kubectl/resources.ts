import type { Kind } from '../api/types.ts';

export interface ResourceType {
  kind: Kind;
  /** Plural resource name, as in messages: `pods "web" not found`. */
  plural: string;
  singular: string;
  /** Group suffix kubectl prints in `TYPE/NAME` and errors (`deployment.apps/web`). */
  group: string;
  names: string[];
  namespaced: boolean;
}

export const resourceTypes: ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', group: '', names: ['po'], namespaced: true },
  {
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    group: '',
    names: ['pvc'],
    namespaced: true,
  },
  {
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    group: '',
    names: ['pv'],
    namespaced: false,
  },
  {
    kind: 'StorageClass',
    plural: 'storageclasses',
    singular: 'storageclass',
    group: 'storage.k8s.io',
    names: ['sc'],
    namespaced: false,
  },
  { kind: 'Node', plural: 'nodes', singular: 'node', group: '', names: ['no'], namespaced: false },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    group: 'apps',
    names: ['rs'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    group: 'apps',
    names: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    plural: 'statefulsets',
    singular: 'statefulset',
    group: 'apps',
    names: ['sts'],
    namespaced: true,
  },
  { kind: 'Event', plural: 'events', singular: 'event', group: '', names: ['ev'], namespaced: true },
  {
    kind: 'CSIStorageCapacity',
    plural: 'csistoragecapacities',
    singular: 'csistoragecapacity',
    group: 'storage.k8s.io',
    names: [],
    namespaced: true,
  },
  {
    kind: 'VolumeAttachment',
    plural: 'volumeattachments',
    singular: 'volumeattachment',
    group: 'storage.k8s.io',
    names: [],
    namespaced: false,
  },
];

/** Resolves what a user typed (`po`, `pods`, `Pod`, `deployment.apps`) to a resource type. */
export function findResource(typed: string): ResourceType | undefined {
  const name = typed.toLowerCase();
  return resourceTypes.find((r) => {
    const qualified = r.group ? [`${r.plural}.${r.group}`, `${r.singular}.${r.group}`] : [];
    return [r.plural, r.singular, r.kind.toLowerCase(), ...r.names, ...qualified].includes(name);
  });
}

export function resourceOfKind(kind: string): ResourceType | undefined {
  return resourceTypes.find((r) => r.kind === kind);
}

/** `pod/web`, `deployment.apps/web`, `storageclass.storage.k8s.io/fast` as kubectl prints them. */
export function typedName(kind: string, name: string): string {
  const resource = resourceOfKind(kind);
  if (!resource) return `${kind.toLowerCase()}/${name}`;
  return `${resource.singular}${resource.group ? `.${resource.group}` : ''}/${name}`;
}

/** `pods "web"` in NotFound errors; grouped kinds are qualified (`deployments.apps "web"`). */
export function notFoundMessage(resource: ResourceType, name: string): string {
  const plural = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
  return `Error from server (NotFound): ${plural} "${name}" not found`;
}

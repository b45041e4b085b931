import { arr, type FieldType, type ObjectSchema, obj } from './field-types.ts';

// Field lists follow the Kubernetes API reference (core/v1, apps/v1, storage.k8s.io/v1), trimmed
// to what the simulator models; the Go type names appear in the server's decoding errors.

const ownerReference = obj('OwnerReference', {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: 'string',
  controller: 'bool',
  blockOwnerDeletion: 'bool',
});

export const objectMeta = obj('ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int',
  creationTimestamp: 'timestamp',
  deletionTimestamp: 'timestamp',
  deletionGracePeriodSeconds: 'int',
  labels: 'stringMap',
  annotations: 'stringMap',
  finalizers: arr('string'),
  ownerReferences: arr(ownerReference),
  managedFields: arr('any'),
});

const selectorRequirement = obj('LabelSelectorRequirement', {
  key: 'string',
  operator: 'string',
  values: arr('string'),
});
export const labelSelector = obj('LabelSelector', {
  matchLabels: 'stringMap',
  matchExpressions: arr(selectorRequirement),
});

const nodeSelectorRequirement = obj('NodeSelectorRequirement', {
  key: 'string',
  operator: 'string',
  values: arr('string'),
});
const nodeSelector = obj('NodeSelector', {
  nodeSelectorTerms: arr(
    obj('NodeSelectorTerm', {
      matchExpressions: arr(nodeSelectorRequirement),
      matchFields: arr(nodeSelectorRequirement),
    }),
  ),
});

const resourceList: FieldType = { mapOf: 'quantity' };
const volumeMount = obj('VolumeMount', {
  name: 'string',
  mountPath: 'string',
  readOnly: 'bool',
  subPath: 'string',
  mountPropagation: 'string',
});
const container = obj('Container', {
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  command: arr('string'),
  args: arr('string'),
  workingDir: 'string',
  ports: arr('any'),
  env: arr('any'),
  volumeMounts: arr(volumeMount),
  resources: obj('ResourceRequirements', { limits: resourceList, requests: resourceList }),
  livenessProbe: 'any',
  readinessProbe: 'any',
  startupProbe: 'any',
  securityContext: 'any',
  stdin: 'bool',
  tty: 'bool',
});

export const hostPathSource = obj('HostPathVolumeSource', { path: 'string', type: 'string' });
const volume = obj('Volume', {
  name: 'string',
  emptyDir: obj('EmptyDirVolumeSource', { medium: 'string', sizeLimit: 'quantity' }),
  hostPath: hostPathSource,
  persistentVolumeClaim: obj('PersistentVolumeClaimVolumeSource', { claimName: 'string', readOnly: 'bool' }),
  gcePersistentDisk: obj('GCEPersistentDiskVolumeSource', {
    pdName: 'string',
    fsType: 'string',
    partition: 'int',
    readOnly: 'bool',
  }),
  awsElasticBlockStore: obj('AWSElasticBlockStoreVolumeSource', {
    volumeID: 'string',
    fsType: 'string',
    partition: 'int',
    readOnly: 'bool',
  }),
  configMap: 'any',
  secret: 'any',
});

const toleration = obj('Toleration', {
  key: 'string',
  operator: 'string',
  value: 'string',
  effect: 'string',
  tolerationSeconds: 'int',
});

export const podSpec = obj('PodSpec', {
  containers: arr(container),
  initContainers: arr(container),
  volumes: arr(volume),
  nodeName: 'string',
  nodeSelector: 'stringMap',
  affinity: obj('Affinity', {
    nodeAffinity: obj('NodeAffinity', {
      requiredDuringSchedulingIgnoredDuringExecution: nodeSelector,
      preferredDuringSchedulingIgnoredDuringExecution: arr('any'),
    }),
    podAffinity: 'any',
    podAntiAffinity: 'any',
  }),
  tolerations: arr(toleration),
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'int',
  schedulerName: 'string',
  serviceAccountName: 'string',
  securityContext: 'any',
  hostname: 'string',
  subdomain: 'string',
  dnsPolicy: 'string',
});

const podTemplate = obj('PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

export const pvcSpec = obj('PersistentVolumeClaimSpec', {
  accessModes: arr('string'),
  resources: obj('VolumeResourceRequirements', { requests: resourceList, limits: resourceList }),
  storageClassName: 'string',
  volumeName: 'string',
  volumeMode: 'string',
  selector: labelSelector,
  dataSource: 'any',
  dataSourceRef: 'any',
  volumeAttributesClassName: 'string',
});

const objectReference = obj('ObjectReference', {
  kind: 'string',
  apiVersion: 'string',
  namespace: 'string',
  name: 'string',
  uid: 'string',
  resourceVersion: 'string',
  fieldPath: 'string',
});

const anyStatus: FieldType = 'any';

export const kindSchemas: Record<string, ObjectSchema> = {
  Pod: { apiVersion: 'string', kind: 'string', metadata: objectMeta, spec: podSpec, status: anyStatus },
  ReplicaSet: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: obj('ReplicaSetSpec', {
      replicas: 'int',
      selector: labelSelector,
      template: podTemplate,
      minReadySeconds: 'int',
    }),
    status: anyStatus,
  },
  Deployment: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: obj('DeploymentSpec', {
      replicas: 'int',
      selector: labelSelector,
      template: podTemplate,
      strategy: obj('DeploymentStrategy', { type: 'string', rollingUpdate: 'any' }),
      minReadySeconds: 'int',
      revisionHistoryLimit: 'int',
      progressDeadlineSeconds: 'int',
      paused: 'bool',
    }),
    status: anyStatus,
  },
  StatefulSet: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: obj('StatefulSetSpec', {
      replicas: 'int',
      selector: labelSelector,
      serviceName: 'string',
      template: podTemplate,
      volumeClaimTemplates: arr(
        obj('PersistentVolumeClaim', {
          apiVersion: 'string',
          kind: 'string',
          metadata: objectMeta,
          spec: pvcSpec,
          status: anyStatus,
        }),
      ),
      podManagementPolicy: 'string',
      updateStrategy: 'any',
      minReadySeconds: 'int',
      revisionHistoryLimit: 'int',
      persistentVolumeClaimRetentionPolicy: obj('StatefulSetPersistentVolumeClaimRetentionPolicy', {
        whenDeleted: 'string',
        whenScaled: 'string',
      }),
      ordinals: 'any',
    }),
    status: anyStatus,
  },
  PersistentVolumeClaim: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: pvcSpec,
    status: anyStatus,
  },
  PersistentVolume: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: obj('PersistentVolumeSpec', {
      capacity: resourceList,
      accessModes: arr('string'),
      persistentVolumeReclaimPolicy: 'string',
      storageClassName: 'string',
      volumeMode: 'string',
      claimRef: objectReference,
      nodeAffinity: obj('VolumeNodeAffinity', { required: nodeSelector }),
      mountOptions: arr('string'),
      hostPath: hostPathSource,
      local: obj('LocalVolumeSource', { path: 'string', fsType: 'string' }),
      nfs: obj('NFSVolumeSource', { server: 'string', path: 'string', readOnly: 'bool' }),
      csi: obj('CSIPersistentVolumeSource', {
        driver: 'string',
        volumeHandle: 'string',
        fsType: 'string',
        readOnly: 'bool',
        volumeAttributes: 'stringMap',
      }),
      volumeAttributesClassName: 'string',
    }),
    status: anyStatus,
  },
  StorageClass: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    provisioner: 'string',
    parameters: 'stringMap',
    reclaimPolicy: 'string',
    volumeBindingMode: 'string',
    allowVolumeExpansion: 'bool',
    mountOptions: arr('string'),
    allowedTopologies: arr('any'),
  },
  CSIStorageCapacity: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    storageClassName: 'string',
    nodeTopology: labelSelector,
    capacity: 'quantity',
    maximumVolumeSize: 'quantity',
  },
  Node: {
    apiVersion: 'string',
    kind: 'string',
    metadata: objectMeta,
    spec: obj('NodeSpec', {
      unschedulable: 'bool',
      taints: arr(obj('Taint', { key: 'string', value: 'string', effect: 'string', timeAdded: 'timestamp' })),
      podCIDR: 'string',
      podCIDRs: arr('string'),
      providerID: 'string',
    }),
    status: anyStatus,
  },
};

/** apiVersion each kind is served under, as `kubectl api-resources` lists it. */
export const kindApiVersions: Record<string, string> = {
  Pod: 'v1',
  PersistentVolumeClaim: 'v1',
  PersistentVolume: 'v1',
  Node: 'v1',
  ReplicaSet: 'apps/v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  StorageClass: 'storage.k8s.io/v1',
  CSIStorageCapacity: 'storage.k8s.io/v1',
};

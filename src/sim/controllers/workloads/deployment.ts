import type { ApiServer } from '../../api/api-server.ts';
import type { Deployment, ReplicaSet } from '../../api/types.ts';
import { nameSuffixAlphabet } from '../../lib/random.ts';
import { controllerRef, isOwnedBy } from './pod-from-template.ts';

const source = { component: 'deployment-controller' };

/**
 * pod-template-hash as the deployment controller computes it: a 32-bit FNV-1a hash of the pod
 * template, printed in decimal, each digit mapped through the safe alphabet (rand.SafeEncodeString).
 */
export function podTemplateHash(template: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(template)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [...String(hash)]
    .map((digit) => nameSuffixAlphabet[digit.charCodeAt(0) % nameSuffixAlphabet.length])
    .join('');
}

/**
 * Deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`),
 * the current one scaled to `replicas`, older ones to 0. Rolling updates are collapsed into one
 * step (the simulator shows the end state; surge and unavailability limits are not modelled).
 */
export function deploymentController(api: ApiServer): void {
  for (const deployment of api.list('Deployment')) {
    if (deployment.metadata.deletionTimestamp) continue;
    const hash = podTemplateHash(deployment.spec.template);
    const owned = api
      .list('ReplicaSet', deployment.metadata.namespace)
      .filter((rs) => isOwnedBy(rs, deployment));
    let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const replicas = deployment.spec.replicas ?? 1;
    if (!current) current = createReplicaSet(api, deployment, hash);
    for (const rs of owned) if (rs !== current) scale(api, deployment, rs, 0);
    scale(api, deployment, current, replicas);
    const ready = current.status.readyReplicas ?? 0;
    const status = {
      replicas: current.status.replicas,
      updatedReplicas: current.status.replicas,
      readyReplicas: ready,
      availableReplicas: ready,
    };
    const was = deployment.status;
    if (
      was.replicas !== status.replicas ||
      was.readyReplicas !== ready ||
      was.updatedReplicas !== status.updatedReplicas
    ) {
      deployment.status = status;
    }
  }
}

function createReplicaSet(api: ApiServer, deployment: Deployment, hash: string): ReplicaSet {
  const labels = { ...deployment.spec.template.metadata?.labels, 'pod-template-hash': hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace ?? 'default',
      uid: '',
      creationTimestamp: '',
      labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(deployment.spec.replicas ?? 1) },
      ownerReferences: [controllerRef(deployment)],
    },
    spec: {
      replicas: 0,
      selector: {
        ...deployment.spec.selector,
        matchLabels: { ...deployment.spec.selector.matchLabels, 'pod-template-hash': hash },
      },
      template: { ...deployment.spec.template, metadata: { ...deployment.spec.template.metadata, labels } },
    },
    status: { replicas: 0 },
  };
  return api.create(rs);
}

function scale(api: ApiServer, deployment: Deployment, rs: ReplicaSet, replicas: number): void {
  const from = rs.spec.replicas ?? 0;
  if (from === replicas) return;
  rs.spec.replicas = replicas;
  const verb = replicas > from ? 'up' : 'down';
  api.recordEvent(
    deployment,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${replicas}`,
    source,
  );
}

import type { ApiServer } from '../api/api-server.ts';
import type { ClusterNode } from '../api/types.ts';
import { putEntry } from './fs-ops.ts';
import type { FsEntry, FsTree } from './fs-tree.ts';

export const kubeletVersion = 'v1.35.0';

/**
 * Kubelet self-registration (`--register-node=true`): the kubelet creates its own Node object,
 * or takes over one an administrator created by hand with the same name, and reports its status.
 */
export function registerNode(api: ApiServer, name: string, index: number): ClusterNode {
  const existing = api.get('Node', name);
  if (existing?.status.nodeInfo.kubeletVersion) return existing;
  seedSystemFiles((api.state.disks.nodes[name] ??= { '/': { type: 'dir' } }));
  const controlPlane = name === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...api.state.machines[name]?.labels,
    ...existing?.metadata.labels,
  };
  const status: ClusterNode['status'] = {
    capacity: { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8141320Ki', pods: '110' },
    allocatable: { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8038920Ki', pods: '110' },
    conditions: [],
    addresses: [
      { type: 'InternalIP', address: `192.168.49.${index + 1}` },
      { type: 'Hostname', address: name },
    ],
    nodeInfo: {
      kubeletVersion,
      containerRuntimeVersion: 'containerd://2.1.4',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      kernelVersion: '6.1.0-40-amd64',
    },
  };
  if (existing) {
    existing.metadata.labels = labels;
    existing.status = { ...status, conditions: existing.status.conditions };
    return existing;
  }
  const node: ClusterNode = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: '', creationTimestamp: '', labels },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      ...(controlPlane
        ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] }
        : {}),
    },
    status,
  };
  if (controlPlane)
    node.metadata.annotations = {
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
    };
  return api.create(node);
}

/**
 * What every node's own disk holds besides user data, so that hostPath types Socket, CharDevice
 * and BlockDevice have something real to find, and a hostPath of `/` shows why it is dangerous:
 * the container runtime's socket and the kubelet's credentials.
 */
const systemFiles: Array<[string, FsEntry]> = [
  ['/dev/null', { type: 'char' }],
  ['/dev/zero', { type: 'char' }],
  ['/dev/vda', { type: 'block' }],
  ['/dev/vda1', { type: 'block' }],
  ['/run/containerd/containerd.sock', { type: 'socket' }],
  [
    '/etc/kubernetes/kubelet.conf',
    {
      type: 'file',
      content:
        'apiVersion: v1\nkind: Config\nusers:\n- name: default-auth\n  user:\n    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n',
    },
  ],
  [
    '/var/lib/kubelet/pki/kubelet-client-current.pem',
    { type: 'file', content: '-----BEGIN CERTIFICATE-----\n' },
  ],
];

function seedSystemFiles(tree: FsTree): void {
  for (const [path, entry] of systemFiles) if (!tree[path]) putEntry(tree, path, entry);
}

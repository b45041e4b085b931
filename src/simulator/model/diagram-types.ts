import type { Edge, Node } from '@xyflow/react';

/** What each kind of diagram item shows. Plain data: the node components only draw it. */
export interface K8sNodeData extends Record<string, unknown> {
  kind: 'node';
  name: string;
  /** STATUS as `kubectl get nodes` prints it, e.g. `Ready,SchedulingDisabled`. */
  status: string;
  controlPlane: boolean;
  pods: number;
  /** Network disks attached to this node right now. */
  attached: string[];
  /** Where the node's disk section starts inside the box (flow units); absent when it shows no directories. */
  diskTop?: number;
}

export interface PendingAreaData extends Record<string, unknown> {
  kind: 'pending';
  pods: number;
}

export interface MountSummary {
  volume: string;
  /** What kind of storage holds the data, and so what survives. */
  type: 'emptyDir' | 'memory' | 'hostPath' | 'claim' | 'disk' | 'other';
  /** hostPath path, claim name or disk, to name where the data lives. */
  source: string;
  mountPath: string;
  files: number;
  /** Files this mount had before a move and that are gone now. */
  lost?: number;
}

export interface PodData extends Record<string, unknown> {
  kind: 'pod';
  name: string;
  namespace: string;
  node: string;
  /** STATUS exactly as `kubectl get pods` prints it. */
  status: string;
  tone: 'ok' | 'waiting' | 'failed' | 'terminating';
  ready: string;
  restarts: number;
  containers: string[];
  mounts: MountSummary[];
  /** Files written into containers' writable layers (lost when the container restarts). */
  layerFiles: number;
  layerLost?: number;
  /** `ReplicaSet/web-abc`, `StatefulSet/db`; absent for a bare pod. */
  owner?: string;
  /** Shown during a move: the old pod, terminating, is gone from the cluster. */
  ghost?: boolean;
  /** The replacement created by the latest move. */
  arriving?: boolean;
  /** The scheduler's reason when Pending. */
  pendingReason?: string;
}

export interface DirData extends Record<string, unknown> {
  kind: 'dir';
  node: string;
  path: string;
  /** hostPath directory, or the directory of a local PersistentVolume. */
  use: 'hostPath' | 'local';
  volume?: string;
  files: number;
  /** The latest move left files here (hostPath data stays with the node). */
  leftBehind?: boolean;
}

export interface ClaimData extends Record<string, unknown> {
  kind: 'pvc';
  name: string;
  namespace: string;
  phase: string;
  capacity: string;
  accessModes: string;
  storageClass: string;
  volume: string;
}

export interface VolumeData extends Record<string, unknown> {
  kind: 'pv';
  name: string;
  phase: string;
  capacity: string;
  accessModes: string;
  reclaimPolicy: string;
  claim: string;
  storageClass: string;
  backing: 'network-disk' | 'nfs' | 'local' | 'hostPath' | 'none';
  /** The node a local or hostPath volume lives on. */
  node?: string;
}

export interface DiskData extends Record<string, unknown> {
  kind: 'disk';
  /** Key of the data in `disks.network`. */
  key: string;
  label: string;
  driver: string;
  files: number;
  attachedTo: string[];
  /** The latest move's data followed the pod through this disk. */
  followed?: boolean;
}

export interface ClassData extends Record<string, unknown> {
  kind: 'sc';
  name: string;
  provisioner: string;
  isDefault: boolean;
  bindingMode: string;
  reclaimPolicy: string;
}

export type ItemData =
  | K8sNodeData
  | PendingAreaData
  | PodData
  | DirData
  | ClaimData
  | VolumeData
  | DiskData
  | ClassData;

export type DiagramNode = Node<ItemData>;
export type DiagramEdge = Edge;

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Accessible names, from the UI's language (they must begin "Node <name>" and "Pod <name>"). */
export interface DiagramLabels {
  node: (data: K8sNodeData) => string;
  pending: (pods: number) => string;
  pod: (data: PodData) => string;
  dir: (data: DirData) => string;
  claim: (data: ClaimData) => string;
  volume: (data: VolumeData) => string;
  disk: (data: DiskData) => string;
  storageClass: (data: ClassData) => string;
  edge: (kind: 'mount' | 'bound' | 'backed' | 'provisioned', from: string, to: string) => string;
}

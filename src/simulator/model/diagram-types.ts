import type { Edge, Node } from '@xyflow/react';
import type { ItemKind } from './ids.ts';

/** A kind of item: naming one that `itemKinds` does not list fails to compile. */
type Kind<K extends ItemKind> = K;

/** What each kind of diagram item shows. Plain data: the node components only draw it. */
export interface NodeData extends Record<string, unknown> {
  kind: Kind<'node'>;
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

export interface PendingData extends Record<string, unknown> {
  kind: Kind<'pending'>;
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
  /** The files' names (paths inside the volume), drawn as chips. */
  fileNames: string[];
  /** Files this mount had before a move and that are gone now. */
  lost?: number;
  /** Names of the files a move wiped (drawn struck through). */
  lostNames?: string[];
}

export interface PodData extends Record<string, unknown> {
  kind: Kind<'pod'>;
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
  /** Names of the files written into the layers, drawn as chips. */
  layerFileNames: string[];
  /** Names of layer files a move wiped (drawn struck through). */
  layerLostNames?: string[];
  /** `ReplicaSet/web-abc`, `StatefulSet/db`; absent for a bare pod. */
  owner?: string;
  /** The replacement created by the latest move. */
  arriving?: boolean;
  /** The scheduler's reason when Pending. */
  pendingReason?: string;
}

/** Shown during a move: the old pod, terminating on its old node, already gone from the cluster. */
export interface GhostData extends Record<string, unknown> {
  kind: Kind<'ghost'>;
  name: string;
  namespace: string;
  node: string;
}

export interface DirData extends Record<string, unknown> {
  kind: Kind<'dir'>;
  node: string;
  path: string;
  /** hostPath directory, or the directory of a local PersistentVolume. */
  use: 'hostPath' | 'local';
  volume?: string;
  files: number;
  /** The files' names (paths inside the directory), drawn as chips. */
  fileNames: string[];
  /** The latest move left files here (hostPath data stays with the node). */
  leftBehind?: boolean;
}

export interface PvcData extends Record<string, unknown> {
  kind: Kind<'pvc'>;
  name: string;
  namespace: string;
  phase: string;
  capacity: string;
  accessModes: string;
  storageClass: string;
  volume: string;
}

export interface PvData extends Record<string, unknown> {
  kind: Kind<'pv'>;
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
  kind: Kind<'disk'>;
  /** Key of the data in `disks.network`. */
  key: string;
  label: string;
  driver: string;
  files: number;
  /** The files' names (paths inside the disk), drawn as chips. */
  fileNames: string[];
  attachedTo: string[];
  /** The latest move's data followed the pod through this disk. */
  followed?: boolean;
}

export interface ScData extends Record<string, unknown> {
  kind: Kind<'sc'>;
  name: string;
  provisioner: string;
  isDefault: boolean;
  bindingMode: string;
  reclaimPolicy: string;
}

export type ItemData =
  | NodeData
  | PendingData
  | PodData
  | GhostData
  | DirData
  | PvcData
  | PvData
  | DiskData
  | ScData;

/** The data of one kind of item. */
export type ItemDataOf<K extends ItemKind> = Extract<ItemData, { kind: K }>;

/** A React Flow node of the diagram: its `type` is its data's `kind`, its id `itemId(data)`. */
export type DiagramNode = Node<ItemData, ItemKind>;
export type DiagramEdge = Edge;
export type EdgeKind = 'mount' | 'bound' | 'backed' | 'provisioned';

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** What each id stands for: the data of every item drawn, by id. */
  items: ReadonlyMap<string, ItemData>;
}

/**
 * Accessible names, from the UI's language, one per kind of item (they must begin "Node <name>"
 * and "Pod <name>").
 */
export type DiagramLabels = { [K in ItemKind]: (data: ItemDataOf<K>) => string } & {
  edge: (kind: EdgeKind, from: string, to: string) => string;
};

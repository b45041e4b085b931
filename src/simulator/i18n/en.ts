import type {
  DirData,
  DiskData,
  GhostData,
  NodeData,
  PodData,
  PvcData,
  PvData,
  ScData,
} from '../model/diagram-types.ts';
import type { ReasonKey } from '../model/explain-reason.ts';
import type { ActionId } from '../model/item-actions.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The simulator's English strings. They ship in the simulator's own chunk, so a text-only lesson
 * never downloads them. Accessible names of nodes and pods must begin "Node <name>" / "Pod <name>"
 * in every language: browser tests and screen-reader users' habits rely on them.
 */
export const simEn = {
  simulatorLabel: 'Cluster simulator',
  loading: 'Loading the cluster simulator…',
  loadFailed: 'The simulator could not be loaded. Check your connection and try again.',
  diagramLabel: 'Cluster diagram',
  diagramHelp:
    'Drag a pod onto another node to move it, or focus a pod and press Enter for its actions. Select anything to inspect its files.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetView: 'Reset view',
  viewControls: 'Diagram view',
  wheelHint: 'Scrolling moves the page. To zoom the diagram, hold Ctrl (⌘ on a Mac) while you scroll.',
  touchHint: 'One finger scrolls the page. Use two fingers to move or zoom the diagram.',
  // Diagram item names and text
  nodeLabel: (d: NodeData) =>
    `Node ${d.name}, ${d.status}${d.controlPlane ? ', control plane' : ''}, ${plural(d.pods, 'pod', 'pods')}`,
  pendingLabel: (pods: number) => `Not scheduled: ${plural(pods, 'pod', 'pods')}`,
  podLabel: (d: PodData) =>
    `Pod ${d.name}, ${d.status}${d.node ? ` on ${d.node}` : ''}${d.restarts ? `, ${plural(d.restarts, 'restart', 'restarts')}` : ''}`,
  ghostLabel: (d: GhostData) => `Pod ${d.name}, Terminating on ${d.node}, being replaced`,
  dirLabel: (d: DirData) =>
    `Directory ${d.path} on ${d.node}'s disk${d.use === 'local' ? `, local volume ${d.volume ?? ''}` : ''}, ${plural(d.files, 'file', 'files')}${d.leftBehind ? ', left behind' : ''}`,
  claimLabel: (d: PvcData) => `Claim ${d.name}, ${d.phase}${d.volume ? `, bound to ${d.volume}` : ''}`,
  volumeLabel: (d: PvData) => `Volume ${d.name}, ${d.phase}, ${d.capacity}, reclaim ${d.reclaimPolicy}`,
  diskLabel: (d: DiskData) =>
    `Network disk ${d.label}, ${plural(d.files, 'file', 'files')}${d.attachedTo.length ? `, attached to ${d.attachedTo.join(', ')}` : ', not attached'}`,
  classLabel: (d: ScData) =>
    `StorageClass ${d.name}${d.isDefault ? ' (default)' : ''}, provisioner ${d.provisioner}`,
  edgeLabel: (kind: 'mount' | 'bound' | 'backed' | 'provisioned', from: string, to: string) =>
    ({
      mount: `${from} mounts ${to}`,
      bound: `claim ${from} is bound to volume ${to}`,
      backed: `volume ${from} stores its data on ${to}`,
      provisioned: `${from} provisioned ${to}`,
    })[kind],
  controlPlaneParts: 'API server · scheduler · controllers · etcd',
  notScheduled: 'Not scheduled',
  nodeDisk: 'Disk of this node',
  attached: (disks: string[]) => `attached: ${disks.join(', ')}`,
  files: (n: number) => plural(n, 'file', 'files'),
  filesLost: (n: number) => `${plural(n, 'file', 'files')} lost`,
  lostWord: 'lost',
  moreFiles: (n: number) => `+${n} more`,
  leftBehind: 'left behind',
  followed: 'data followed the pod',
  restarts: (n: number) => plural(n, 'restart', 'restarts'),
  writableLayer: 'writable layer',
  mountKinds: {
    emptyDir: 'emptyDir',
    memory: 'emptyDir (memory)',
    hostPath: 'hostPath',
    claim: 'claim',
    disk: 'disk',
    other: 'volume',
  },
  localVolume: 'local volume',
  storageClassTitle: 'StorageClass',
  claimTitle: 'PersistentVolumeClaim',
  volumeTitle: 'PersistentVolume',
  diskTitle: 'Network disk (outside the cluster)',
  defaultClass: 'default',
  // Toolbar
  toolbarLabel: 'Simulator controls',
  undo: 'Undo',
  redo: 'Redo',
  reset: 'Reset',
  undoHint: 'Undo (Ctrl+Z)',
  redoHint: 'Redo (Ctrl+Shift+Z)',
  addNode: 'Add node',
  advance: 'Wait 5 minutes',
  speed: 'Animation',
  speeds: { normal: 'Normal', slow: 'Slow', step: 'Step by step', instant: 'Off' },
  shareLink: 'Copy link',
  shareLinkLabel: 'Link to this cluster',
  linkCopied: 'A link to this cluster was copied. Whoever opens it gets the same cluster in the sandbox.',
  linkShown: 'The link to this cluster is in the field next to the button: copy it from there.',
  nextStep: 'Next step',
  stageCaptions: [
    'Step 1 of 3: the old pod is terminating. Kubernetes never moves a pod.',
    'Step 2 of 3: a replacement pod is created and scheduled.',
    'Step 3 of 3: see what happened to the data.',
  ],
  historyStart: 'Start',
  historyLabel: (index: number, total: number) => `Step ${index} of ${total}`,
  // Inspector
  inspectorLabel: 'Inspector',
  inspectorEmpty: 'Select a pod, node, directory, claim, volume or disk to see its files and actions.',
  actions: 'Actions…',
  podSees: 'What each container sees',
  noFiles: 'no files',
  location: {
    'writable-layer': (c: string) => `writable layer of container ${c} (lost when the container restarts)`,
    emptyDir: (node: string, memory: boolean) =>
      memory
        ? `emptyDir in ${node}'s memory (tmpfs), deleted with the pod`
        : `emptyDir on ${node}'s disk, deleted with the pod`,
    hostPath: (node: string, path: string) => `${path} on ${node}'s disk, stays with the node`,
    'local-volume': (node: string, path: string) => `local volume at ${path} on ${node}, stays with the node`,
    'network-disk': (volume: string) => `network disk of ${volume}, outside the cluster: follows the pod`,
  },
  mountedAt: (path: string, volume: string) => `${path} (volume ${volume})`,
  readOnly: 'read-only',
  filesHere: 'Files',
  // Actions menu
  actionsFor: (what: string) => `Actions for ${what}`,
  close: 'Close',
  moveTo: 'Move to node…',
  chooseNode: 'Choose a node',
  moveToNode: (node: string) => `Move to ${node}`,
  writeFile: 'Write a file…',
  container: 'Container',
  mountPath: 'Directory',
  fileName: 'File name',
  fileText: 'Text',
  write: 'Write',
  badFile:
    'Use a file name of letters, digits, dots, dashes or underscores, and text without quotes, $, backslashes or a leading dash.',
  actionLabels: {
    crash: (c: string) => `Crash container ${c}`,
    deletePod: () => 'Delete pod',
    scaleUp: (n: string) => `Scale to ${n} replicas`,
    scaleDown: (n: string) => `Scale to ${n} replicas`,
    cordon: () => 'Cordon (no new pods)',
    uncordon: () => 'Uncordon',
    drain: () => 'Drain',
    fail: () => 'Fail the node',
    recover: () => 'Recover the node',
    deleteClaim: () => 'Delete claim',
    deleteVolume: () => 'Delete volume',
    releaseVolume: () => 'Make Available again (clear claimRef)',
  } satisfies Record<ActionId, (arg: string) => string>,
  runs: 'runs',
  // Console and events
  consoleLabel: 'Console',
  commandLabel: 'Command',
  commandHelp:
    'Enter runs, Shift+Enter adds a line, ↑ and ↓ recall earlier commands. Try: kubectl get pods -o wide',
  run: 'Run',
  outputLabel: 'Console output',
  consoleEmpty: 'Commands you run, and those behind diagram actions, appear here.',
  errorOutput: 'Error output',
  eventsLabel: (n: number) => `Events (${n})`,
  noEvents: 'No events yet.',
  // Announcements
  ranCommand: (command: string, firstLine: string) => `Ran ${command}. ${firstLine}`,
  nothingChanged: (pod: string) => `Pod ${pod} stays where it is.`,
  recreated: (pod: string, replacement: string, node: string) =>
    replacement === pod
      ? `Pod ${pod} was recreated on ${node}.`
      : `Pod ${pod} was replaced by ${replacement} on ${node}.`,
  pendingAfterMove: (replacement: string, node: string, reason: string) =>
    `The replacement ${replacement} is Pending and cannot run on ${node}: ${reason}`,
  noReplacement: (pod: string) => `Pod ${pod} was deleted; nothing replaced it yet.`,
  lostEmptyDir: (volume: string, n: number) =>
    `Its emptyDir ${volume} started empty: ${plural(n, 'file', 'files')} lost.`,
  lostLayer: (container: string, n: number) =>
    `Container ${container} started from its image: ${plural(n, 'file', 'files')} in its writable layer lost.`,
  leftBehindOn: (path: string, node: string, n: number) =>
    `${plural(n, 'file', 'files')} in ${path} stayed behind on ${node}.`,
  foundOnNode: (path: string, n: number) =>
    n === 0
      ? `${path} on the new node is empty.`
      : `${path} on the new node holds ${plural(n, 'file', 'files')}.`,
  followedDisk: (volume: string, n: number) =>
    `The network disk of ${volume} followed it: ${plural(n, 'file', 'files')} kept.`,
  undone: 'Undone.',
  redone: 'Redone.',
  resetDone: 'The cluster is back to its start.',
  reasons: {
    localVolume: 'its local volume lives on another node’s disk, so the pod can only run there.',
    cordoned: 'that node is cordoned, so the scheduler places no new pods there.',
    nodeDown: 'that node is not ready (it stopped answering).',
    controlPlane: 'the control plane’s taint keeps ordinary pods off it.',
    diskConflict: 'another pod there already uses the same disk.',
    noCapacity: 'the storage that node can reach has no room for the volume.',
    unboundClaim: 'its claim is not bound to a volume yet.',
    claimMissing: 'the claim it needs does not exist.',
    claimDeleting: 'the claim it needs is being deleted.',
    readWriteOncePod: 'its ReadWriteOncePod claim is already used by another pod.',
    missingVolume: 'its claim is bound to a volume that no longer exists.',
    steering: 'no node matches the pod’s node selector.',
  } satisfies Record<ReasonKey, string>,
  pendingWhy: 'Why Pending?',
};

export type SimMessages = typeof simEn;

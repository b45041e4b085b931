import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { ReactNode } from 'react';
import { memo } from 'react';
import type {
  DirData,
  DiskData,
  GhostData,
  NodeData,
  PendingData,
  PodData,
  PvcData,
  PvData,
  ScData,
} from '../model/diagram-types.ts';
import type { ItemKind } from '../model/ids.ts';
import { useSimText } from '../sim-context.tsx';
import { FileChips } from './FileChips.tsx';
import { Handles } from './Handles.tsx';

type Props<T extends Record<string, unknown>> = NodeProps & { data: T };

/** A shape next to every status word, so colour is never the only signal. */
const toneIcon = { ok: '✔', waiting: '◷', failed: '✖', terminating: '⏏' } as const;

function NodeBox({ data }: Props<NodeData>) {
  const t = useSimText();
  const ready = data.status.startsWith('Ready');
  return (
    <div className="kvl-node-box">
      <div className="kvl-node-head">
        <span className="kvl-node-name">{data.name}</span>
        <span className={`kvl-badge ${ready ? 'is-ok' : 'is-bad'}`}>
          <span aria-hidden="true">{ready ? '✔ ' : '✖ '}</span>
          {data.status}
        </span>
      </div>
      <div className="kvl-node-sub">
        {data.controlPlane
          ? t.controlPlaneParts
          : data.attached.length > 0
            ? t.attached(data.attached)
            : '\u00a0'}
      </div>
      {data.diskTop !== undefined ? (
        <div className="kvl-node-disk" style={{ top: data.diskTop }}>
          {t.nodeDisk}
        </div>
      ) : null}
    </div>
  );
}

function PendingBox({ data }: Props<PendingData>) {
  const t = useSimText();
  return (
    <div className="kvl-node-box">
      <div className="kvl-node-head">
        <span className="kvl-node-name">{t.notScheduled}</span>
        <span className="kvl-badge">{data.pods}</span>
      </div>
    </div>
  );
}

function PodCard({ data }: Props<PodData>) {
  const t = useSimText();
  return (
    <div className="kvl-pod-card">
      <Handles />
      <div className="kvl-pod-name" title={data.name}>
        {data.name}
      </div>
      <div className={`kvl-pod-status tone-${data.tone}`}>
        <span aria-hidden="true">{toneIcon[data.tone]} </span>
        {data.status}
        <span className="kvl-muted">
          {' '}
          · {data.ready} · ↻{data.restarts}
        </span>
      </div>
      {data.containers.length === 0 ? null : (
        <div className="kvl-containers" title={data.containers.join(', ')}>
          <span aria-hidden="true">▣ </span>
          {data.containers.join(', ')}
        </div>
      )}
      <ul className="kvl-mounts">
        {data.layerFiles > 0 || data.layerLost ? (
          <li>
            {t.writableLayer} · <FileChips names={data.layerFileNames} lost={data.layerLostNames} />
            {data.layerLost ? (
              <strong className="kvl-lost">
                <span aria-hidden="true">✖ </span>
                {t.filesLost(data.layerLost)}
              </strong>
            ) : null}
          </li>
        ) : null}
        {data.mounts.slice(0, 3).map((m) => (
          <li key={m.volume}>
            <span className="kvl-kind">{t.mountKinds[m.type]}</span> {m.volume} ·{' '}
            <FileChips names={m.fileNames} lost={m.lostNames} />
            {m.lost ? (
              <strong className="kvl-lost">
                <span aria-hidden="true">✖ </span>
                {t.filesLost(m.lost)}
              </strong>
            ) : null}
          </li>
        ))}
        {data.mounts.length > 3 ? <li>+{data.mounts.length - 3}</li> : null}
      </ul>
      {data.pendingReason ? <div className="kvl-pending-reason">{t.pendingWhy}</div> : null}
    </div>
  );
}

/** The old pod of a move, terminating where it was: its name and status only. */
function GhostCard({ data }: Props<GhostData>) {
  return (
    <div className="kvl-pod-card">
      <Handles />
      <div className="kvl-pod-name" title={data.name}>
        {data.name}
      </div>
      <div className="kvl-pod-status tone-terminating">
        <span aria-hidden="true">{toneIcon.terminating} </span>
        Terminating
      </div>
    </div>
  );
}

function DirRow({ data }: Props<DirData>) {
  const t = useSimText();
  return (
    <div className="kvl-dir-row">
      <Handles />
      <span className="kvl-dir-path">{data.path}</span>
      <span className="kvl-muted">
        {' '}
        {data.use === 'local' ? `· ${t.localVolume} ${data.volume ?? ''} ` : ''}·{' '}
      </span>
      <FileChips names={data.fileNames} />
      {data.leftBehind ? <strong className="kvl-left"> · {t.leftBehind}</strong> : null}
    </div>
  );
}

function StorageCard({
  title,
  name,
  lines,
  children,
}: {
  title: string;
  name: string;
  lines: string[];
  children?: ReactNode;
}) {
  return (
    <div className="kvl-storage-card">
      <Handles />
      <div className="kvl-storage-title">{title}</div>
      <div className="kvl-storage-name" title={name}>
        {name}
      </div>
      {lines.map((line) => (
        <div key={line} className="kvl-storage-line">
          {line}
        </div>
      ))}
      {children}
    </div>
  );
}

function PvcCard({ data }: Props<PvcData>) {
  const t = useSimText();
  return (
    <StorageCard
      title={t.claimTitle}
      name={data.name}
      lines={[
        `${data.phase} · ${data.capacity} · ${data.accessModes}`,
        data.storageClass ? `class ${data.storageClass}` : '',
      ]}
    />
  );
}

function PvCard({ data }: Props<PvData>) {
  const t = useSimText();
  return (
    <StorageCard
      title={t.volumeTitle}
      name={data.name}
      lines={[
        `${data.phase} · ${data.capacity} · ${data.accessModes}`,
        `${data.reclaimPolicy}${data.claim ? ` · ${data.claim}` : ''}`,
      ]}
    />
  );
}

function DiskCard({ data }: Props<DiskData>) {
  const t = useSimText();
  return (
    <StorageCard
      title={t.diskTitle}
      name={data.label}
      lines={[
        `${t.files(data.files)}${data.followed ? ` · ${t.followed}` : ''}`,
        data.attachedTo.length > 0 ? t.attached(data.attachedTo) : data.driver,
      ]}
    >
      <div className="kvl-storage-line">
        <FileChips names={data.fileNames} />
      </div>
    </StorageCard>
  );
}

function ScCard({ data }: Props<ScData>) {
  const t = useSimText();
  return (
    <StorageCard
      title={`${t.storageClassTitle}${data.isDefault ? ` (${t.defaultClass})` : ''}`}
      name={data.name}
      lines={[data.provisioner, `${data.bindingMode} · ${data.reclaimPolicy}`]}
    />
  );
}

/**
 * One component per kind of item (a node's type is its kind). Defined once at module level: React
 * Flow re-mounts every node if this object changes.
 */
export const nodeTypes = {
  node: memo(NodeBox) as NodeTypes[string],
  pending: memo(PendingBox) as NodeTypes[string],
  pod: memo(PodCard) as NodeTypes[string],
  ghost: memo(GhostCard) as NodeTypes[string],
  dir: memo(DirRow) as NodeTypes[string],
  pvc: memo(PvcCard) as NodeTypes[string],
  pv: memo(PvCard) as NodeTypes[string],
  disk: memo(DiskCard) as NodeTypes[string],
  sc: memo(ScCard) as NodeTypes[string],
} satisfies Record<ItemKind, NodeTypes[string]>;

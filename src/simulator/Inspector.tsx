import { type ReactNode, useId } from 'react';
import {
  type FileInfo,
  networkDiskFiles,
  networkDiskKey,
  nodeDiskFiles,
  type Pod,
  podFileView,
  type StorageLocation,
} from '../sim/view.ts';
import { selectCluster } from '../store/sim-store.ts';
import { useDiagramItem } from './diagram-items.tsx';
import type { SimMessages } from './i18n/en.ts';
import type { ItemData } from './model/diagram-types.ts';
import { hasActions } from './model/item-actions.ts';
import { useSim, useSimText } from './sim-context.tsx';

function FileList({ files }: { files: FileInfo[] }) {
  const t = useSimText();
  if (files.length === 0) return <p className="kvl-muted">{t.noFiles}</p>;
  return (
    <ul className="kvl-file-list">
      {files.map((file) => (
        <li key={file.path}>
          <code>{file.path}</code> <span className="kvl-muted">({file.size} B)</span>
          {file.content ? <pre className="kvl-file-content">{file.content}</pre> : null}
        </li>
      ))}
    </ul>
  );
}

function useLocationText(): (location: StorageLocation) => string {
  const t = useSimText();
  return (location) => {
    switch (location.kind) {
      case 'writable-layer':
        return t.location['writable-layer'](location.container);
      case 'emptyDir':
        return t.location.emptyDir(location.node, location.medium === 'memory');
      case 'hostPath':
        return t.location.hostPath(location.node, location.path);
      case 'local-volume':
        return t.location['local-volume'](location.node, location.path);
      case 'network-disk':
        return t.location['network-disk'](location.volume);
    }
  };
}

type Cluster = ReturnType<typeof selectCluster>;

/** What a pod sees: each container's writable layer and mounts, with where that data really lives. */
function PodView({ cluster, pod }: { cluster: Cluster; pod: Pod }) {
  const t = useSimText();
  const locationText = useLocationText();
  const name = pod.metadata.name;
  const view = podFileView(cluster, pod.metadata.namespace ?? 'default', name);
  const reason = pod.status.conditions?.find(
    (c) => c.type === 'PodScheduled' && c.status === 'False',
  )?.message;
  return (
    <>
      <p>
        {pod.spec.nodeName ? `${pod.spec.nodeName}` : t.notScheduled}
        {reason ? <span className="kvl-reason"> — {reason}</span> : null}
      </p>
      <h4>{t.podSees}</h4>
      {view.map((container) => (
        <section key={container.container} className="kvl-container-view">
          <h5>{container.container}</h5>
          <p className="kvl-muted">
            {locationText({
              kind: 'writable-layer',
              node: pod.spec.nodeName ?? '',
              pod: name,
              container: container.container,
            })}
          </p>
          <FileList files={container.layerFiles} />
          {container.mounts.map((mount) => (
            <div key={mount.mountPath} className="kvl-mount-view">
              <p>
                <code>{t.mountedAt(mount.mountPath, mount.volume)}</code>
                {mount.readOnly ? ` · ${t.readOnly}` : ''}
                <br />
                <span className="kvl-muted">{locationText(mount.location)}</span>
              </p>
              <FileList files={mount.files} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** A storage object as its spec, with the files of the disk behind a volume. */
function ObjectView({ cluster, object, disk }: { cluster: Cluster; object: object; disk?: string }) {
  const t = useSimText();
  return (
    <>
      <pre className="kvl-object">{JSON.stringify('spec' in object ? object.spec : object, null, 2)}</pre>
      {disk ? (
        <>
          <h4>{t.filesHere}</h4>
          <FileList files={networkDiskFiles(cluster, disk)} />
        </>
      ) : null}
    </>
  );
}

/** The inspector's heading and body for an item; undefined when what it stands for is gone. */
function inspection(
  cluster: Cluster,
  item: ItemData | undefined,
  t: SimMessages,
): { heading: string; body: ReactNode } | undefined {
  switch (item?.kind) {
    case 'pod': {
      const pod = cluster.objects.Pod[`${item.namespace}/${item.name}`];
      return pod ? { heading: `Pod ${item.name}`, body: <PodView cluster={cluster} pod={pod} /> } : undefined;
    }
    case 'node':
      if (!cluster.objects.Node[item.name]) return undefined;
      return {
        heading: `Node ${item.name}`,
        body: (
          <>
            <h4>{t.nodeDisk}</h4>
            <FileList files={nodeDiskFiles(cluster, item.name)} />
          </>
        ),
      };
    case 'dir': {
      const files = nodeDiskFiles(cluster, item.node).filter(
        (f) => f.path === item.path || f.path.startsWith(`${item.path}/`),
      );
      return { heading: `${item.path} · ${item.node}`, body: <FileList files={files} /> };
    }
    case 'disk':
      return { heading: item.key, body: <FileList files={networkDiskFiles(cluster, item.key)} /> };
    case 'pvc': {
      const pvc = cluster.objects.PersistentVolumeClaim[`${item.namespace}/${item.name}`];
      return (
        pvc && {
          heading: `${pvc.kind} ${pvc.metadata.name}`,
          body: <ObjectView cluster={cluster} object={pvc} />,
        }
      );
    }
    case 'pv': {
      const pv = cluster.objects.PersistentVolume[item.name];
      const disk = pv ? networkDiskKey(pv) : undefined;
      return (
        pv && {
          heading: `${pv.kind} ${pv.metadata.name}`,
          body: <ObjectView cluster={cluster} object={pv} {...(disk ? { disk } : {})} />,
        }
      );
    }
    case 'sc': {
      const sc = cluster.objects.StorageClass[item.name];
      return (
        sc && {
          heading: `${sc.kind} ${sc.metadata.name}`,
          body: <ObjectView cluster={cluster} object={sc} />,
        }
      );
    }
    default:
      return undefined;
  }
}

/** The selected item in detail: every file, where it really lives, and the item's actions. */
export function Inspector({ onOpenActions }: { onOpenActions: (id: string) => void }) {
  const t = useSimText();
  const cluster = useSim(selectCluster);
  const selected = useSim((s) => s.selected);
  const item = useDiagramItem(selected);
  const headingId = useId();
  const shown = inspection(cluster, item, t);
  const actionable = shown !== undefined && hasActions(item);

  return (
    <section className="kvl-inspector" aria-labelledby={headingId}>
      <div className="kvl-panel-head">
        <h3 id={headingId}>{shown?.heading ?? t.inspectorLabel}</h3>
        {actionable && selected ? (
          <button
            type="button"
            className="kvl-button"
            onClick={() => onOpenActions(selected)}
            aria-haspopup="dialog"
          >
            {t.actions}
          </button>
        ) : null}
      </div>
      <div className="kvl-inspector-body">
        {shown?.body ?? <p className="kvl-muted">{t.inspectorEmpty}</p>}
      </div>
    </section>
  );
}

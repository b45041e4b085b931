import { useId } from 'react';
import {
  type FileInfo,
  networkDiskFiles,
  networkDiskKey,
  nodeDiskFiles,
  podFileView,
  type StorageLocation,
} from '../sim/view.ts';
import { selectCluster } from '../store/sim-store.ts';
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

/** The selected item in detail: every file, where it really lives, and the item's actions. */
export function Inspector({ onOpenActions }: { onOpenActions: (id: string) => void }) {
  const t = useSimText();
  const cluster = useSim(selectCluster);
  const selected = useSim((s) => s.selected);
  const locationText = useLocationText();
  const headingId = useId();
  const [kind, rest = ''] = selected
    ? [selected.slice(0, selected.indexOf(':')), selected.slice(selected.indexOf(':') + 1)]
    : [];

  let body: React.ReactNode = <p className="kvl-muted">{t.inspectorEmpty}</p>;
  let heading = t.inspectorLabel;
  let actionable = false;
  if (kind === 'pod') {
    const [namespace = 'default', name = ''] = rest.split('/');
    const pod = cluster.objects.Pod[`${namespace}/${name}`];
    if (pod) {
      heading = `Pod ${name}`;
      actionable = true;
      const view = podFileView(cluster, namespace, name);
      body = (
        <>
          <p>
            {pod.spec.nodeName ? `${pod.spec.nodeName}` : t.notScheduled}
            {pod.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')
              ?.message ? (
              <span className="kvl-reason">
                {' '}
                — {pod.status.conditions.find((c) => c.type === 'PodScheduled')?.message}
              </span>
            ) : null}
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
  } else if (kind === 'node') {
    const node = cluster.objects.Node[rest];
    if (node) {
      heading = `Node ${rest}`;
      actionable = true;
      body = (
        <>
          <h4>{t.nodeDisk}</h4>
          <FileList files={nodeDiskFiles(cluster, rest)} />
        </>
      );
    }
  } else if (kind === 'dir') {
    const node = rest.slice(0, rest.indexOf(':'));
    const path = rest.slice(rest.indexOf(':') + 1);
    heading = `${path} · ${node}`;
    const files = nodeDiskFiles(cluster, node).filter(
      (f) => f.path === path || f.path.startsWith(`${path}/`),
    );
    body = <FileList files={files} />;
  } else if (kind === 'disk') {
    heading = rest;
    body = <FileList files={networkDiskFiles(cluster, rest)} />;
  } else if (kind === 'pvc' || kind === 'pv' || kind === 'sc') {
    const object =
      kind === 'pvc'
        ? cluster.objects.PersistentVolumeClaim[rest]
        : kind === 'pv'
          ? cluster.objects.PersistentVolume[rest]
          : cluster.objects.StorageClass[rest];
    if (object) {
      heading = `${object.kind} ${object.metadata.name}`;
      actionable = kind !== 'sc';
      const pv = kind === 'pv' ? cluster.objects.PersistentVolume[rest] : undefined;
      const key = pv ? networkDiskKey(pv) : undefined;
      body = (
        <>
          <pre className="kvl-object">{JSON.stringify('spec' in object ? object.spec : object, null, 2)}</pre>
          {key ? (
            <>
              <h4>{t.filesHere}</h4>
              <FileList files={networkDiskFiles(cluster, key)} />
            </>
          ) : null}
        </>
      );
    }
  }

  return (
    <section className="kvl-inspector" aria-labelledby={headingId}>
      <div className="kvl-panel-head">
        <h3 id={headingId}>{heading}</h3>
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
      <div className="kvl-inspector-body">{body}</div>
    </section>
  );
}

import { useMemo } from 'react';
import { selectCluster } from '../store/sim-store.ts';
import { useSim, useSimStore, useSimText } from './sim-context.tsx';

/** The events timeline, as `kubectl get events` prints it (a reading command: the cluster is unchanged). */
export function EventsPanel() {
  const t = useSimText();
  const store = useSimStore();
  const cluster = useSim(selectCluster);
  const engineReady = useSim((s) => s.engineReady);
  const count = Object.keys(cluster.objects.Event).length;
  // kubectl's own table; the engine prints it, so it appears once the engine is here.
  const table = useMemo(
    () =>
      count > 0 && engineReady && cluster ? (store.getState().peek(['kubectl', 'get', 'events']) ?? '') : '',
    [cluster, count, engineReady, store],
  );
  return (
    <details className="kvl-events" onToggle={() => store.getState().warmUp()}>
      <summary>{t.eventsLabel(count)}</summary>
      {count === 0 ? (
        <p className="kvl-muted">{t.noEvents}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <pre className="kvl-events-table" tabIndex={0}>
          {table}
        </pre>
      )}
    </details>
  );
}

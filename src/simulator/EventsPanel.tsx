import { useMemo } from 'react';
import { runCommand } from '../sim/index.ts';
import { selectCluster } from '../store/create-sim-store.ts';
import { useSim, useSimText } from './sim-context.tsx';

/** The events timeline, as `kubectl get events` prints it (a reading command: the cluster is unchanged). */
export function EventsPanel() {
  const t = useSimText();
  const cluster = useSim(selectCluster);
  const count = Object.keys(cluster.objects.Event).length;
  const table = useMemo(
    () => (count > 0 ? runCommand(cluster, ['kubectl', 'get', 'events']).result.stdout : ''),
    [cluster, count],
  );
  return (
    <details className="kvl-events">
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

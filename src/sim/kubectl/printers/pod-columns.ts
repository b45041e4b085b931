import type { Pod } from '../../api/types.ts';
import { humanDuration } from '../../lib/duration.ts';

/** The STATUS column, by kubectl's printPod algorithm (pkg/printers/internalversion). */
export function podStatus(pod: Pod): string {
  let reason: string = pod.status.phase;
  if (pod.status.reason) reason = pod.status.reason;
  if (pod.status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated';
  let hasRunning = false;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const container = statuses[i];
    if (!container) continue;
    const { waiting, terminated, running } = container.state;
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated?.reason) reason = terminated.reason;
    else if (terminated) reason = `ExitCode:${terminated.exitCode}`;
    else if (container.ready && running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      ? 'Running'
      : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && pod.status.reason === 'NodeLost') return 'Unknown';
  if (pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed')
    return 'Terminating';
  return reason;
}

export function podReady(pod: Pod): string {
  const statuses = pod.status.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready && s.state.running).length;
  return `${ready}/${pod.spec.containers.length}`;
}

/** RESTARTS: the total, with how long ago the last restart was (`2 (15s ago)`). */
export function podRestarts(pod: Pod, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const status of pod.status.containerStatuses ?? []) {
    restarts += status.restartCount;
    const finished = status.lastState?.terminated?.finishedAt;
    if (finished) last = Math.max(last ?? 0, Date.parse(finished));
  }
  return last !== undefined && restarts > 0
    ? `${restarts} (${humanDuration(now - last)} ago)`
    : String(restarts);
}

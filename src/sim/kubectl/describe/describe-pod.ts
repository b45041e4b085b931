import type { ApiServer } from '../../api/api-server.ts';
import type { ContainerState, Pod } from '../../api/types.ts';
import { podStatus } from '../printers/pod-columns.ts';
import { describeEvents, describeMap, describeTime } from './describe-helpers.ts';
import { describePodVolume } from './describe-volumes.ts';

function stateLines(title: string, state: ContainerState | undefined): string[] {
  if (!state) return [];
  if (state.running)
    return [`    ${title}:\tRunning`, `      Started:\t${describeTime(state.running.startedAt)}`];
  if (state.waiting) return [`    ${title}:\tWaiting`, `      Reason:\t${state.waiting.reason}`];
  if (state.terminated) {
    return [
      `    ${title}:\tTerminated`,
      `      Reason:\t${state.terminated.reason || 'Error'}`,
      `      Exit Code:\t${state.terminated.exitCode}`,
      ...(state.terminated.startedAt ? [`      Started:\t${describeTime(state.terminated.startedAt)}`] : []),
      `      Finished:\t${describeTime(state.terminated.finishedAt)}`,
    ];
  }
  return [`    ${title}:\tWaiting`];
}

export function describePod(api: ApiServer, pod: Pod): string[] {
  const node = pod.spec.nodeName;
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  const status = podStatus(pod);
  const lines = [
    `Name:\t${pod.metadata.name}`,
    `Namespace:\t${pod.metadata.namespace}`,
    'Priority:\t0',
    'Service Account:\tdefault',
    `Node:\t${node ? `${node}/${pod.status.hostIP ?? ''}` : '<none>'}`,
    ...(pod.status.startTime ? [`Start Time:\t${describeTime(pod.status.startTime)}`] : []),
    ...describeMap('Labels', pod.metadata.labels),
    ...describeMap('Annotations', pod.metadata.annotations).map((l) => l.replace(/=/, ': ')),
    `Status:\t${status === 'Terminating' ? `Terminating (lasts ${Math.round((api.now - Date.parse(pod.metadata.deletionTimestamp ?? '')) / 1000)}s)` : pod.status.phase}`,
    ...(pod.metadata.deletionTimestamp
      ? [`Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s`]
      : []),
    ...(pod.status.reason ? [`Reason:\t${pod.status.reason}`] : []),
    ...(pod.status.message ? [`Message:\t${pod.status.message}`] : []),
    `IP:\t${pod.status.podIP ?? ''}`,
    'IPs:',
    ...(pod.status.podIP ? [`  IP:\t${pod.status.podIP}`] : ['  <none>']),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
    'Containers:',
  ];
  for (const container of pod.spec.containers) {
    const s = pod.status.containerStatuses?.find((c) => c.name === container.name);
    lines.push(
      `  ${container.name}:`,
      `    Container ID:\t${s?.containerID ?? ''}`,
      `    Image:\t${container.image}`,
      '    Image ID:\t',
      '    Port:\t<none>',
      '    Host Port:\t<none>',
      ...(container.command ? ['    Command:', ...container.command.map((c) => `      ${c}`)] : []),
      ...(container.args ? ['    Args:', ...container.args.map((c) => `      ${c}`)] : []),
      ...stateLines('State', s?.state ?? { waiting: { reason: 'ContainerCreating' } }),
      ...stateLines('Last State', s?.lastState),
      `    Ready:\t${s?.ready ? 'True' : 'False'}`,
      `    Restart Count:\t${s?.restartCount ?? 0}`,
      '    Environment:\t<none>',
      '    Mounts:',
      ...(container.volumeMounts ?? []).map(
        (m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`,
      ),
    );
    if (!container.volumeMounts?.length) lines.push('      <none>');
  }
  lines.push('Conditions:', '  Type\tStatus');
  for (const condition of pod.status.conditions ?? [])
    lines.push(`  ${condition.type} \t${condition.status} `);
  lines.push('Volumes:');
  for (const volume of pod.spec.volumes ?? []) lines.push(...describePodVolume(volume));
  if (!pod.spec.volumes?.length) lines.push('  <none>');
  const selectors = Object.entries(pod.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  const tolerations = (pod.spec.tolerations ?? []).map(
    (t) =>
      `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''} op=${t.operator ?? 'Equal'}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`,
  );
  lines.push(
    `QoS Class:\t${pod.status.qosClass ?? 'BestEffort'}`,
    `Node-Selectors:\t${selectors.length > 0 ? selectors.join('\n\t') : '<none>'}`,
    `Tolerations:\t${tolerations.length > 0 ? tolerations.join('\n\t') : '<none>'}`,
    ...describeEvents(api, pod),
  );
  return lines;
}

import type { ApiServer } from '../../api/api-server.ts';
import type { ContainerState, Pod } from '../../api/types.ts';
import { humanDuration } from '../../lib/duration.ts';
import { describeAnnotations, describeEvents, describeMap, describeTime } from './describe-helpers.ts';
import { describePodVolume } from './describe-volumes.ts';

function stateLines(title: string, state: ContainerState | undefined): string[] {
  if (!state) return [];
  if (title === 'Last State' && !state.terminated) return []; // printed only for a terminated one
  if (state.running)
    return [`    ${title}:\tRunning`, `      Started:\t${describeTime(state.running.startedAt)}`];
  if (state.waiting)
    return [
      `    ${title}:\tWaiting`,
      ...(state.waiting.reason ? [`      Reason:\t${state.waiting.reason}`] : []),
    ];
  if (state.terminated) {
    return [
      `    ${title}:\tTerminated`,
      ...(state.terminated.reason ? [`      Reason:\t${state.terminated.reason}`] : []),
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
  const terminating =
    Boolean(pod.metadata.deletionTimestamp) &&
    pod.status.phase !== 'Failed' &&
    pod.status.phase !== 'Succeeded';
  const lines = [
    `Name:\t${pod.metadata.name}`,
    `Namespace:\t${pod.metadata.namespace}`,
    'Priority:\t0',
    'Service Account:\tdefault',
    `Node:\t${node ? `${node}/${pod.status.hostIP ?? ''}` : '<none>'}`,
    ...(pod.status.startTime ? [`Start Time:\t${describeTime(pod.status.startTime)}`] : []),
    ...describeMap('Labels', pod.metadata.labels),
    ...describeAnnotations(pod.metadata.annotations),
    ...(terminating
      ? [
          `Status:\tTerminating (lasts ${humanDuration(api.now - Date.parse(pod.metadata.deletionTimestamp ?? ''))})`,
          `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s`,
        ]
      : [`Status:\t${pod.status.phase}`]),
    ...(pod.status.reason ? [`Reason:\t${pod.status.reason}`] : []),
    ...(pod.status.message ? [`Message:\t${pod.status.message}`] : []),
    `IP:\t${pod.status.podIP ?? ''}`,
    ...(pod.status.podIP ? ['IPs:', `  IP:\t${pod.status.podIP}`] : ['IPs:\t<none>']),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
    'Containers:',
  ];
  for (const container of pod.spec.containers) {
    const s = pod.status.containerStatuses?.find((c) => c.name === container.name);
    lines.push(
      `  ${container.name}:`,
      ...(s ? [`    Container ID:\t${s.containerID ?? ''}`] : []),
      `    Image:\t${container.image}`,
      ...(s ? ['    Image ID:\t'] : []),
      '    Port:\t<none>',
      '    Host Port:\t<none>',
      ...(container.command ? ['    Command:', ...container.command.map((c) => `      ${c}`)] : []),
      ...(container.args ? ['    Args:', ...container.args.map((c) => `      ${c}`)] : []),
      ...(s
        ? [
            ...stateLines('State', s.state),
            ...stateLines('Last State', s.lastState),
            `    Ready:\t${s.ready ? 'True' : 'False'}`,
            `    Restart Count:\t${s.restartCount}`,
          ]
        : []),
      '    Environment:\t<none>',
      ...(container.volumeMounts?.length
        ? [
            '    Mounts:',
            ...[...container.volumeMounts]
              .sort((a, b) => a.mountPath.localeCompare(b.mountPath))
              .map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`),
          ]
        : ['    Mounts:\t<none>']),
    );
  }
  if (pod.status.conditions?.length) {
    lines.push('Conditions:', '  Type\tStatus');
    for (const condition of pod.status.conditions) lines.push(`  ${condition.type} \t${condition.status} `);
  }
  if (pod.spec.volumes?.length) {
    lines.push('Volumes:');
    for (const volume of pod.spec.volumes) lines.push(...describePodVolume(volume));
  } else lines.push('Volumes:\t<none>');
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

import { admitOnCreate } from '../api/admission.ts';
import type { Pod } from '../api/types.ts';
import { changesBetween } from '../changes.ts';
import { failed, ok, refuse } from '../kubectl/command.ts';
import { parseArgs } from '../kubectl/flags.ts';
import { typedName } from '../kubectl/resources.ts';
import { cloneJson } from '../lib/clone.ts';
import { mutate, type Outcome } from '../run-result.ts';
import type { ClusterState } from '../state.ts';

/**
 * `sim move POD --to NODE`, what dragging a pod onto another node does. Kubernetes never moves a
 * pod: the pod is deleted, and its owner creates a replacement (ReplicaSet: new name; StatefulSet:
 * same name) steered to NODE with a `kubernetes.io/hostname` node selector. A bare pod has no
 * owner, so the simulator recreates it as a learner would, once the old one is gone. The
 * replacement follows every scheduling and volume rule, so it may stay Pending.
 */
export function moveCommand(state: ClusterState, args: string[]): Outcome {
  let pod: Pod | undefined;
  let target = '';
  const deleted = mutate(
    state,
    ({ api }) => {
      const parsed = parseArgs(args, [{ name: 'to', value: true }], 'sim move');
      const name = parsed.positional[0];
      target = parsed.flags.get('to') ?? '';
      if (!name || !target) refuse('error: usage: sim move POD --to NODE');
      const namespace = parsed.flags.get('namespace') ?? 'default';
      const found = api.get('Pod', name, namespace);
      if (!found) refuse(`Error from server (NotFound): pods "${name}" not found`);
      if (!api.get('Node', target)) refuse(`Error from server (NotFound): nodes "${target}" not found`);
      if (found.spec.nodeName === target) refuse(`pod/${name} is already on ${target}: nothing changes`, 0);
      if (found.metadata.deletionTimestamp) refuse(`error: pod "${name}" is already being deleted`);
      pod = cloneJson(found);
      const owner = found.metadata.ownerReferences?.find((r) => r.controller);
      if (owner) api.state.steer[owner.uid] = target;
      api.delete(found);
      return ok(`pod "${name}" deleted\n`);
    },
    [],
  );
  if (deleted.result.exitCode !== 0 || !pod) return deleted;
  const old = pod;
  const namespace = old.metadata.namespace ?? 'default';
  const record = { namespace, pod: old.metadata.name, from: old.spec.nodeName ?? '', to: target };
  const owner = old.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) {
    // The replacement is the pod the owner created in answer to the deletion: the one new pod of
    // that owner in this command's change set (a StatefulSet's keeps the old name, with a new UID).
    const replacement = changesBetween(state, deleted.state)
      .created.filter((ref) => ref.kind === 'Pod' && ref.namespace === namespace)
      .map((ref) => deleted.state.objects.Pod[`${namespace}/${ref.name}`] as Pod)
      .find((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner.uid));
    const line = replacement
      ? `${typedName(owner.kind, owner.name)} created pod/${replacement.metadata.name} with node selector kubernetes.io/hostname=${target}\n`
      : `${typedName(owner.kind, owner.name)} has not created a replacement yet\n`;
    return {
      state: deleted.state,
      result: ok(deleted.result.stdout + line),
      move: { ...record, ...(replacement ? { replacement: replacement.metadata.name } : {}) },
    };
  }
  if (deleted.state.objects.Pod[`${namespace}/${old.metadata.name}`]) {
    return {
      state: deleted.state,
      result: failed(
        `error: pod "${old.metadata.name}" is still terminating on ${old.spec.nodeName ?? 'its node'}: a pod with the same name can be created only once it is gone`,
        1,
        deleted.result.stdout,
      ),
      move: record,
    };
  }
  const created = mutate(
    deleted.state,
    ({ api }) => {
      const spec = cloneJson(old.spec);
      delete spec.nodeName;
      spec.nodeSelector = { ...spec.nodeSelector, 'kubernetes.io/hostname': target };
      const fresh: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: old.metadata.name,
          namespace,
          uid: '',
          creationTimestamp: '',
          ...(old.metadata.labels ? { labels: old.metadata.labels } : {}),
          ...(old.metadata.annotations ? { annotations: old.metadata.annotations } : {}),
        },
        spec,
        status: { phase: 'Pending' },
      };
      admitOnCreate(api, fresh);
      api.create(fresh);
      return ok(`pod/${old.metadata.name} created with node selector kubernetes.io/hostname=${target}\n`);
    },
    [],
  );
  return {
    state: created.state,
    result: ok(deleted.result.stdout + created.result.stdout),
    move: created.state.objects.Pod[`${namespace}/${old.metadata.name}`]
      ? { ...record, replacement: old.metadata.name }
      : record,
  };
}

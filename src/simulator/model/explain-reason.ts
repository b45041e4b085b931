/**
 * Why a pod is Pending, in plain words: the scheduler's message lists a reason per node; the
 * replacement of a moved pod is steered to one node, so the reason that matters is the one that is
 * not about the steering itself. Returns a key of the simulator's messages.
 */
export type ReasonKey =
  | 'localVolume'
  | 'cordoned'
  | 'nodeDown'
  | 'controlPlane'
  | 'diskConflict'
  | 'noCapacity'
  | 'unboundClaim'
  | 'claimMissing'
  | 'claimDeleting'
  | 'readWriteOncePod'
  | 'missingVolume'
  | 'steering';

const rules: ReadonlyArray<[RegExp, ReasonKey]> = [
  [/volume node affinity conflict/, 'localVolume'],
  [/ReadWriteOncePod/, 'readWriteOncePod'],
  [/node\.kubernetes\.io\/unschedulable|were unschedulable/, 'cordoned'],
  [/node\.kubernetes\.io\/(unreachable|not-ready)/, 'nodeDown'],
  [/had no available disk/, 'diskConflict'],
  [/did not have enough free storage/, 'noCapacity'],
  [/unbound immediate PersistentVolumeClaims/, 'unboundClaim'],
  [/persistentvolumeclaim "[^"]*" not found/, 'claimMissing'],
  [/persistentvolumeclaim "[^"]*" is being deleted/, 'claimDeleting'],
  [/non-existent pv|non-existent persistentvolume/, 'missingVolume'],
  [/node-role\.kubernetes\.io\/control-plane/, 'controlPlane'],
  [/didn't match Pod's node affinity\/selector/, 'steering'],
];

/**
 * The message counts reasons per node without naming the nodes, so when the target node's own
 * state is known it decides: a cordoned or not-ready target explains itself, and the cordon and
 * not-ready counts (which then belong to other nodes) are skipped.
 */
export function explainReason(
  message: string,
  target?: { cordoned: boolean; ready: boolean },
): ReasonKey | undefined {
  if (target && !target.ready) return 'nodeDown';
  if (target?.cordoned) return 'cordoned';
  const skipped: ReasonKey[] = target ? ['cordoned', 'nodeDown'] : [];
  return rules.find(([pattern, key]) => !skipped.includes(key) && pattern.test(message))?.[1];
}

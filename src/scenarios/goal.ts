import type { z } from 'zod';
import {
  type ClusterState,
  matchesRequirements,
  nodeDiskFiles,
  objectKey,
  parseSelector,
  readContainerFile,
} from '../sim/view.ts';
import type { goalCheckSchema } from './goal-schema.ts';

/**
 * A challenge's goal: checks on the cluster and on files, all of which must hold. Language-neutral
 * (the lesson says the goal in words); the browser checks it after every command, and CI replays
 * each scenario's solution against it. The checks are read with the engine's own rules (object
 * keys, kubectl's label selectors, a container's view of its files), so a goal means what the same
 * question asked of the simulator with kubectl would answer.
 */
export type GoalCheck = z.infer<typeof goalCheckSchema>;
export type Goal = GoalCheck[];

export interface CheckResult {
  check: GoalCheck;
  ok: boolean;
}

function fieldOf(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function fileHolds(
  content: string | undefined,
  exists: boolean | undefined,
  contains: string | undefined,
): boolean {
  if (exists === false) return content === undefined;
  if (content === undefined) return false;
  return contains === undefined || content.includes(contains);
}

function objectHolds(cluster: ClusterState, check: Extract<GoalCheck, { object: unknown }>): boolean {
  const { kind, name, namespace } = check.object;
  if (!Object.hasOwn(cluster.objects, kind) || kind === 'Event') return false;
  const store = cluster.objects[kind as keyof ClusterState['objects']] as Record<string, unknown>;
  const object = store[objectKey(kind as keyof ClusterState['objects'], name, namespace)];
  if (check.exists === false) return object === undefined;
  if (object === undefined) return false;
  return check.field === undefined || fieldOf(object, check.field) === check.equals;
}

function podCountHolds(cluster: ClusterState, check: Extract<GoalCheck, { pods: unknown }>): boolean {
  const selector = parseSelector(check.pods.selector ?? '');
  if ('error' in selector) return false;
  const matching = Object.values(cluster.objects.Pod).filter(
    (pod) =>
      !pod.metadata.deletionTimestamp &&
      matchesRequirements(pod.metadata.labels, selector.requirements) &&
      (check.pods.node === undefined || pod.spec.nodeName === check.pods.node) &&
      (check.pods.phase === undefined || pod.status.phase === check.pods.phase),
  );
  return matching.length === check.count;
}

export function checkOne(cluster: ClusterState, check: GoalCheck): boolean {
  if ('object' in check) return objectHolds(cluster, check);
  if ('pods' in check) return podCountHolds(cluster, check);
  if ('file' in check) {
    const { pod, path, container, namespace = 'default' } = check.file;
    const content = readContainerFile(cluster, namespace, pod, path, container);
    return fileHolds(content, check.exists, check.contains);
  }
  const content = nodeDiskFiles(cluster, check.nodeFile.node).find(
    (f) => f.path === check.nodeFile.path,
  )?.content;
  return fileHolds(content, check.exists, check.contains);
}

/** Every check, and whether the goal as a whole is met. */
export function checkGoal(cluster: ClusterState, goal: Goal): { met: boolean; results: CheckResult[] } {
  const results = goal.map((check) => ({ check, ok: checkOne(cluster, check) }));
  return { met: results.length > 0 && results.every((r) => r.ok), results };
}

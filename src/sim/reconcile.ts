import { produce, setAutoFreeze } from 'immer';
import { ApiServer } from './api/api-server.ts';
import { attachDetachController, forceDetachDeadline } from './controllers/attach-detach.ts';
import type { Controller, Deadline } from './controllers/controller.ts';
import { garbageCollector, podGarbageCollector } from './controllers/garbage-collection.ts';
import {
  nodeLifecycleController,
  taintEvictionController,
  taintEvictionDeadline,
} from './controllers/node-lifecycle.ts';
import { persistentVolumeController } from './controllers/persistentvolume/pv-controller.ts';
import { pvcProtectionController, pvProtectionController } from './controllers/protection.ts';
import { scheduler } from './controllers/scheduler/scheduler.ts';
import { deploymentController } from './controllers/workloads/deployment.ts';
import { replicaSetController } from './controllers/workloads/replicaset.ts';
import { statefulSetController } from './controllers/workloads/statefulset.ts';
import { kubelets, mountTimeoutDeadline } from './node/kubelet.ts';
import type { ClusterState } from './state.ts';

// States are never mutated outside Immer's produce (the engine's own discipline), so deep-freezing
// every new state, which costs time proportional to what changed on every round, buys nothing.
setAutoFreeze(false);

/** Every control loop of the cluster, in the order one round runs them. */
const controllers: Controller[] = [
  kubelets,
  nodeLifecycleController,
  taintEvictionController,
  podGarbageCollector,
  garbageCollector,
  deploymentController,
  replicaSetController,
  statefulSetController,
  pvcProtectionController,
  pvProtectionController,
  persistentVolumeController,
  scheduler,
  attachDetachController,
];

const deadlines: Deadline[] = [taintEvictionDeadline, forceDetachDeadline, mountTimeoutDeadline];

/** Rounds after which reconciliation gives up: a state that still changes then is a bug. */
export const maxRounds = 200;

/**
 * Thrown when controllers keep changing the cluster round after round (two of them undoing each
 * other's work). The command that caused it is refused whole, so the caller sees an error and
 * the cluster stays as it was, rather than stopping silently in a half-reconciled state.
 */
export class ReconcileError extends Error {
  constructor(readonly rounds: number) {
    super(`the cluster did not settle: controllers still changed it after ${rounds} rounds`);
    this.name = 'ReconcileError';
  }
}

/**
 * Runs rounds of every controller until a round changes nothing: level-triggered reconciliation
 * to a steady state. Immer returns the very same state object when a round made no change, which
 * is how convergence is detected. Kubernetes reaches the same state over seconds; the simulator
 * shows it at once (only real time-outs wait for `sim advance`). `loops` replaces the cluster's
 * controllers (tests). Throws `ReconcileError` if the state never settles.
 */
export function reconcile(state: ClusterState, loops: readonly Controller[] = controllers): ClusterState {
  let current = state;
  for (let round = 0; round < maxRounds; round++) {
    const next = produce(current, (draft) => {
      const api = new ApiServer(draft);
      for (const controller of loops) controller(api);
    });
    if (next === current) return current;
    current = next;
  }
  throw new ReconcileError(maxRounds);
}

/** The next moment a controller acts on its own, after now. */
export function nextDeadline(state: ClusterState): number | undefined {
  const api = new ApiServer(state);
  const times = deadlines
    .map((deadline) => deadline(api))
    .filter((t): t is number => t !== undefined && t > state.now);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** `sim advance`: time moves to each due moment in order, reconciling at each, then to the target. */
export function advance(state: ClusterState, ms: number): ClusterState {
  const target = state.now + ms;
  let current = state;
  for (let step = 0; step < 10_000; step++) {
    const due = nextDeadline(current);
    if (due === undefined || due > target) break;
    current = reconcile(
      produce(current, (draft) => {
        draft.now = due;
        draft.commandSeq += 1;
      }),
    );
  }
  return reconcile(
    produce(current, (draft) => {
      draft.now = target;
      draft.commandSeq += 1;
    }),
  );
}

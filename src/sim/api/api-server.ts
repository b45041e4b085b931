import { isDraft, original } from 'immer';
import { nameSuffixAlphabet, nextRandom } from '../lib/random.ts';
import type { ClusterState } from '../state.ts';
import { objectKey } from './object-keys.ts';
import { type Kind, type KubeEvent, type KubeObject, namespacedKinds, type ObjectOfKind } from './types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

/** At most this many events are kept (Kubernetes expires them after an hour; we keep the latest). */
const maxEvents = 500;

/**
 * The API server over a draft of the cluster state: object CRUD with Kubernetes' deletion rules
 * (finalizers, graceful pod deletion), UIDs and generated names from the seeded generator, and
 * the event recorder. Controllers and kubectl go through it; it never decides policy itself.
 */
export class ApiServer {
  /** Sorted object lists per kind, valid until that kind changes (controllers list often). */
  private readonly lists = new Map<Kind, KubeObject[]>();
  /** Event lookup by (object uid, type, reason, message), built on first use. */
  private eventIndex: Map<string, string> | undefined;
  private eventCount: number | undefined;
  private readonly snapshots = new Map<Kind, KubeObject[]>();

  constructor(readonly state: ClusterState) {}

  get now(): number {
    return this.state.now;
  }

  timestamp(at = this.state.now): string {
    return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  random(): number {
    const [value, next] = nextRandom(this.state.rng);
    this.state.rng = next;
    return value;
  }

  /** A version-4-shaped UUID from the seeded generator. */
  uid(): string {
    let hex = '';
    for (let i = 0; i < 32; i++) hex += Math.floor(this.random() * 16).toString(16);
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Random suffix for generated names (`web-7c9d4`), as Kubernetes' names.SimpleNameGenerator. */
  suffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++)
      out += nameSuffixAlphabet[Math.floor(this.random() * nameSuffixAlphabet.length)];
    return out;
  }

  get<K extends Kind>(kind: K, name: string, namespace?: string): ObjectOfKind<K> | undefined {
    return this.state.objects[kind][objectKey(kind, name, namespace)] as ObjectOfKind<K> | undefined;
  }

  /** Objects of a kind in key order (deterministic), optionally in one namespace. */
  list<K extends Kind>(kind: K, namespace?: string): ObjectOfKind<K>[] {
    let all = this.lists.get(kind) as ObjectOfKind<K>[] | undefined;
    if (!all) {
      // Store keys are `namespace/name` or `name`: sorting the keys gives the list order.
      const store = this.state.objects[kind] as Record<string, ObjectOfKind<K>>;
      all = Object.keys(store)
        .sort()
        .map((key) => store[key] as ObjectOfKind<K>);
      this.lists.set(kind, all);
    }
    return namespace && namespacedKinds.has(kind)
      ? all.filter((o) => o.metadata.namespace === namespace)
      : [...all];
  }

  /**
   * Objects of a kind as they were when this round began, without Immer proxies: for fast
   * read-only scans. Changes made earlier in the round are not visible; use this only where a
   * stale view merely delays an action to the next round (never to decide a deletion).
   */
  snapshot<K extends Kind>(kind: K): ObjectOfKind<K>[] {
    let cached = this.snapshots.get(kind) as ObjectOfKind<K>[] | undefined;
    if (!cached) {
      const store = this.state.objects[kind] as object;
      const base = (isDraft(store) ? original(store) : store) as Record<string, ObjectOfKind<K>>;
      cached = Object.keys(base)
        .sort()
        .map((key) => base[key] as ObjectOfKind<K>);
      this.snapshots.set(kind, cached);
    }
    return cached;
  }

  /** Stores a new object: fills uid, creationTimestamp, resourceVersion and the namespace. */
  create<T extends KubeObject>(object: T): T {
    const meta = object.metadata;
    if (namespacedKinds.has(object.kind)) meta.namespace ??= 'default';
    else delete meta.namespace;
    meta.uid = this.uid();
    meta.creationTimestamp = this.timestamp();
    meta.resourceVersion = String(++this.state.resourceVersion);
    const store = this.state.objects[object.kind] as Record<string, KubeObject>;
    const key = objectKey(object.kind, meta.name, meta.namespace);
    const existed = key in store;
    store[key] = object;
    const cached = this.lists.get(object.kind);
    if (cached && !existed) {
      // Keep the cached list sorted: insert by key (bulk creation stays linear, not n log n each).
      let low = 0;
      let high = cached.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const other = cached[mid] as KubeObject;
        if (objectKey(other.kind, other.metadata.name, other.metadata.namespace) < key) low = mid + 1;
        else high = mid;
      }
      cached.splice(low, 0, store[key] as KubeObject);
    } else {
      this.lists.delete(object.kind);
    }
    return object;
  }

  /** Replaces a stored object (same key) and bumps its resourceVersion. */
  replace<T extends KubeObject>(object: T): T {
    object.metadata.resourceVersion = String(++this.state.resourceVersion);
    const store = this.state.objects[object.kind] as Record<string, KubeObject>;
    store[objectKey(object.kind, object.metadata.name, object.metadata.namespace)] = object;
    this.lists.delete(object.kind);
    return object;
  }

  /**
   * DELETE: an object with finalizers, or a pod on a node (graceful deletion, which the kubelet
   * completes), only gets a deletionTimestamp; anything else is removed at once.
   */
  delete(object: KubeObject, options: { force?: boolean } = {}): void {
    const meta = object.metadata;
    const graceful = object.kind === 'Pod' && Boolean(object.spec.nodeName) && !options.force;
    if ((meta.finalizers?.length ?? 0) > 0 || graceful) {
      if (!meta.deletionTimestamp) {
        meta.deletionTimestamp = this.timestamp();
        if (object.kind === 'Pod')
          meta.deletionGracePeriodSeconds = object.spec.terminationGracePeriodSeconds ?? 30;
        else meta.deletionGracePeriodSeconds = 0;
        meta.resourceVersion = String(++this.state.resourceVersion);
      }
      if (options.force && object.kind === 'Pod' && (meta.finalizers?.length ?? 0) === 0) this.remove(object);
      return;
    }
    this.remove(object);
  }

  /** Removes the object from storage (what happens once finalizers and grace are done). */
  remove(object: KubeObject): void {
    const store = this.state.objects[object.kind] as Record<string, KubeObject>;
    delete store[objectKey(object.kind, object.metadata.name, object.metadata.namespace)];
    this.lists.delete(object.kind);
    if (object.kind === 'Event') this.eventIndex = undefined;
  }

  removeFinalizer(object: KubeObject, finalizer: string): void {
    const finalizers = object.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    object.metadata.finalizers = finalizers.filter((f) => f !== finalizer);
    if (object.metadata.finalizers.length === 0) delete object.metadata.finalizers;
    const graceful = object.kind === 'Pod' && Boolean(object.spec.nodeName);
    if (object.metadata.deletionTimestamp && !object.metadata.finalizers && !graceful) this.remove(object);
  }

  /**
   * Records an event like client-go's recorder: an identical event (same object, type, reason,
   * message) is aggregated, its count raised at most once per command (the reconcile loop may
   * repeat an action many times within one command).
   */
  recordEvent(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
  ): void {
    const events = this.state.objects.Event;
    const indexKey = `${involved.metadata.uid}\u0000${type}\u0000${reason}\u0000${message}`;
    if (!this.eventIndex) {
      // Built from the round's base state: reading every event through a draft proxy is slow.
      this.eventIndex = new Map();
      const base = (isDraft(events) ? original(events) : events) as Record<string, KubeEvent>;
      for (const [key, e] of Object.entries(base)) {
        this.eventIndex.set(`${e.involvedObject.uid}\u0000${e.type}\u0000${e.reason}\u0000${e.message}`, key);
      }
    }
    const existingKey = this.eventIndex.get(indexKey);
    const existing = existingKey === undefined ? undefined : events[existingKey];
    const now = this.timestamp();
    if (existing) {
      if (this.state.eventSeen[existing.metadata.name] !== this.state.commandSeq) {
        existing.count += 1;
        existing.lastTimestamp = now;
        existing.metadata.resourceVersion = String(++this.state.resourceVersion);
        this.state.eventSeen[existing.metadata.name] = this.state.commandSeq;
      }
      return;
    }
    const namespace = involved.metadata.namespace ?? 'default';
    let hex = '';
    for (let i = 0; i < 16; i++) hex += Math.floor(this.random() * 16).toString(16);
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${involved.metadata.name}.${hex}`, namespace, uid: '', creationTimestamp: now },
      involvedObject: {
        kind: involved.kind,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
      },
      reason,
      message,
      type,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    this.create(event);
    this.eventCount = (this.eventCount ?? Object.keys(events).length - 1) + 1;
    this.eventIndex?.set(indexKey, objectKey('Event', event.metadata.name, namespace));
    this.state.eventSeen[event.metadata.name] = this.state.commandSeq;
    if ((this.eventCount ?? 0) > maxEvents) {
      const all = Object.keys(events);
      this.eventCount = undefined;
      const oldest = all
        .map((key) => [key, Number(events[key]?.metadata.resourceVersion ?? 0)] as const)
        .sort((a, b) => a[1] - b[1])
        // Prune to three quarters of the limit, so pruning happens once in a while, not per event.
        .slice(0, all.length - Math.floor((maxEvents * 3) / 4));
      for (const [key] of oldest) {
        delete this.state.eventSeen[events[key]?.metadata.name ?? ''];
        delete events[key];
      }
      this.eventIndex = undefined;
      this.lists.delete('Event');
    }
  }
}

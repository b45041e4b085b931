import { admitOnCreate, defaultSpecAfterUpdate } from '../../api/admission.ts';
import type { ApiServer } from '../../api/api-server.ts';
import { parseManifests } from '../../api/parse-manifests.ts';
import type { KubeObject, PersistentVolumeClaim } from '../../api/types.ts';
import { mergePatch, validateUpdate } from '../../api/update-rules.ts';
import { formatInvalid } from '../../api/validation/field-error.ts';
import { validateObject } from '../../api/validation/validate-object.ts';
import { storageBytes } from '../../api/volume-helpers.ts';
import { cloneJson } from '../../lib/clone.ts';
import { type CommandContext, type CommandResult, ok, refuse } from '../command.ts';
import { parseArgs } from '../flags.ts';
import { resourceOfKind, typedName } from '../resources.ts';

/** Reads `-f` sources: `-` is standard input; files come from the host (the headless runner). */
export type FileReader = (path: string) => string | undefined;

export function readSources(
  ctx: CommandContext,
  files: string[],
  readFile?: FileReader,
): Array<{ text: string; source: string }> {
  if (files.length === 0) refuse('error: must specify one of -f and -k');
  return files.map((file) => {
    if (file === '-') return { text: ctx.stdin ?? '', source: 'STDIN' };
    const text = readFile?.(file);
    if (text === undefined) refuse(`error: the path "${file}" does not exist`);
    return { text, source: file };
  });
}

/** Parses every document of every source first: one bad document and nothing is applied. */
export function loadManifests(ctx: CommandContext, files: string[], readFile?: FileReader) {
  const all: Array<{ object: KubeObject; source: string }> = [];
  for (const { text, source } of readSources(ctx, files, readFile)) {
    const parsed = parseManifests(text, source);
    if ('error' in parsed) refuse(parsed.error);
    for (const manifest of parsed.manifests)
      all.push({ object: manifest.object as unknown as KubeObject, source });
  }
  return all;
}

export function applyCommand(
  ctx: CommandContext,
  mode: 'apply' | 'create',
  readFile?: FileReader,
): CommandResult {
  const parsed = parseArgs(
    ctx.args,
    [
      { name: 'filename', short: 'f', value: true },
      { name: 'validate', value: true },
    ],
    `kubectl ${mode}`,
  );
  const files = [...ctx.args.entries()]
    .filter(
      ([i, a]) =>
        a === '-f' ||
        a === '--filename' ||
        a.startsWith('--filename=') ||
        (a.startsWith('-f') && a.length > 2 && ctx.args[i] === a),
    )
    .map(([i, a]) =>
      a === '-f' || a === '--filename' ? (ctx.args[i + 1] ?? '') : a.replace(/^--filename=|^-f=?/, ''),
    );
  if (parsed.positional.length > 0 && files.length === 0) {
    refuse(
      `error: Unexpected args: [${parsed.positional.join(' ')}]\nSee 'kubectl ${mode} -h' for help and examples`,
    );
  }
  const manifests = loadManifests(ctx, files, readFile);
  // Validate everything before changing anything.
  for (const { object, source } of manifests) {
    const namespace = object.metadata?.namespace;
    if (namespace && namespace !== 'default' && resourceOfKind(object.kind)?.namespaced) {
      refuse(
        `Error from server (NotFound): error when creating "${source}": namespaces "${namespace}" not found`,
      );
    }
    const errors = validateObject(object);
    if (errors.length > 0) refuse(formatInvalid(object.kind, object.metadata?.name ?? '', errors));
  }
  const lines: string[] = [];
  for (const { object, source } of manifests) {
    lines.push(applyOne(ctx.api, object, source, mode));
  }
  return ok(`${lines.join('\n')}\n`);
}

function applyOne(api: ApiServer, manifest: KubeObject, source: string, mode: 'apply' | 'create'): string {
  const kind = manifest.kind;
  const name = manifest.metadata.name;
  const resource = resourceOfKind(kind);
  const existing = api.get(kind, name, manifest.metadata.namespace ?? 'default');
  const label = typedName(kind, name);
  if (!existing) {
    const object = cloneJson(manifest);
    object.metadata = { ...object.metadata, uid: '', creationTimestamp: '' };
    delete (object as { status?: unknown }).status;
    if (mode === 'apply') {
      object.metadata.annotations = {
        ...object.metadata.annotations,
        [lastAppliedAnnotation]: lastAppliedText(manifest),
      };
    }
    admitOnCreate(api, object);
    api.create(object);
    return `${label} created`;
  }
  if (mode === 'create') {
    const plural = resource?.group ? `${resource.plural}.${resource.group}` : resource?.plural;
    // An object still being deleted holds its name until it is gone.
    const deleting = existing.metadata.deletionTimestamp ? 'object is being deleted: ' : '';
    refuse(
      `Error from server (AlreadyExists): error when creating "${source}": ${deleting}${plural} "${name}" already exists`,
    );
  }
  // kubectl apply's three-way merge: fields this manifest no longer sets, but the last applied
  // one did, are removed; the last applied configuration is kept in an annotation, as kubectl does.
  const previous = lastApplied(existing);
  const patch = applyPatch(previous, manifest) as Record<string, unknown>;
  const annotations = {
    ...(patch.metadata as { annotations?: Record<string, string> } | undefined)?.annotations,
  };
  annotations[lastAppliedAnnotation] = lastAppliedText(manifest);
  patch.metadata = { ...(patch.metadata as object), annotations };
  return updateObject(api, existing, patch, source) ? `${label} configured` : `${label} unchanged`;
}

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

function lastApplied(object: KubeObject): unknown {
  const text = object.metadata.annotations?.[lastAppliedAnnotation];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The patch from the last applied manifest to the new one: removed fields become null. */
function applyPatch(previous: unknown, next: unknown): unknown {
  if (!isRecord(next) || !isRecord(previous)) return next;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(previous)) if (!(key in next)) patch[key] = null;
  for (const [key, value] of Object.entries(next)) patch[key] = applyPatch(previous[key], value);
  return patch;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lays a manifest (or patch) over the live object; returns whether anything changed. */
export function updateObject(api: ApiServer, existing: KubeObject, patch: unknown, source: string): boolean {
  const { status: _status, ...patchWithoutStatus } = patch as Record<string, unknown>;
  const { metadata: patchMeta, ...patchRest } = patchWithoutStatus as { metadata?: Record<string, unknown> };
  const current = cloneJson(existing);
  // Of metadata, only labels, annotations and finalizers can be changed (and only when given).
  const metaPatch: Record<string, unknown> = {};
  for (const key of ['labels', 'annotations', 'finalizers']) {
    if (patchMeta && key in patchMeta) metaPatch[key] = patchMeta[key];
  }
  const merged = mergePatch(current, {
    ...patchRest,
    ...(Object.keys(metaPatch).length > 0 ? { metadata: metaPatch } : {}),
  }) as KubeObject;
  merged.metadata = { ...current.metadata, ...(merged.metadata as object) };
  for (const key of Object.keys(metaPatch)) {
    const field = key as 'labels' | 'annotations' | 'finalizers';
    if (metaPatch[key] === null || merged.metadata[field] === undefined) delete merged.metadata[field];
  }
  if (!merged.metadata.labels) delete merged.metadata.labels;
  if (!merged.metadata.annotations) delete merged.metadata.annotations;
  if (!merged.metadata.finalizers?.length) delete merged.metadata.finalizers;
  defaultSpecAfterUpdate(merged);
  if (JSON.stringify(merged) === JSON.stringify(current)) return false;
  const errors = [...validateObject(merged), ...validateUpdate(existing, merged)];
  if (errors.length > 0) refuse(formatInvalid(existing.kind, existing.metadata.name, errors));
  if (merged.kind === 'PersistentVolumeClaim')
    expandClaim(api, existing as PersistentVolumeClaim, merged, source);
  api.replace(merged);
  // The last finalizer removed from an object being deleted: the API server removes it (a pod on a
  // node still waits for its kubelet's graceful deletion).
  const graceful = merged.kind === 'Pod' && Boolean(merged.spec.nodeName);
  if (merged.metadata.deletionTimestamp && !merged.metadata.finalizers && !graceful) api.remove(merged);
  return true;
}

/**
 * Volume expansion: only for a class with allowVolumeExpansion; the volume is resized in place
 * (no new PV). The file system resize a real node does on next mount happens at once here.
 */
function expandClaim(
  api: ApiServer,
  old: PersistentVolumeClaim,
  next: PersistentVolumeClaim,
  source: string,
): void {
  const before = storageBytes(old.spec.resources?.requests?.storage);
  const after = storageBytes(next.spec.resources?.requests?.storage);
  if (after <= before || !old.spec.volumeName) return;
  const sc = api.get('StorageClass', old.spec.storageClassName ?? '');
  if (!sc?.allowVolumeExpansion) {
    refuse(
      `Error from server (Forbidden): ${source === 'patch' ? '' : `error when applying patch to "${source}": `}persistentvolumeclaims "${old.metadata.name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
    );
  }
  const pv = api.get('PersistentVolume', old.spec.volumeName);
  const storage = next.spec.resources?.requests?.storage ?? '';
  if (pv) {
    pv.spec.capacity = { ...pv.spec.capacity, storage };
    api.replace(pv);
  }
  next.status = { ...next.status, capacity: { storage } };
}

/**
 * What kubectl stores as the last applied configuration: the manifest as compact JSON with sorted
 * keys, its namespace filled in and an (empty) annotations map, ending with a newline.
 */
function lastAppliedText(manifest: KubeObject): string {
  const copy = cloneJson(manifest) as unknown as { metadata: Record<string, unknown>; kind: string };
  const { [lastAppliedAnnotation]: _previous, ...annotations } = (copy.metadata.annotations ?? {}) as Record<
    string,
    string
  >;
  copy.metadata.annotations = annotations;
  if (resourceOfKind(copy.kind)?.namespaced) copy.metadata.namespace ??= 'default';
  return `${JSON.stringify(sortKeys(copy))}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

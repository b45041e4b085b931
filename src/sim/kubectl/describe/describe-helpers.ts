import type { ApiServer } from '../../api/api-server.ts';
import type { KubeObject } from '../../api/types.ts';
import { humanDuration } from '../../lib/duration.ts';

/** describe's timestamps: RFC 1123 with a numeric zone, `Mon, 05 Jan 2026 09:00:00 +0000`. */
export function describeTime(iso: string | undefined): string {
  if (!iso) return '<unset>';
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

/** `key=value` lines for labels/annotations, the first on the label's line. */
export function describeMap(title: string, map: Record<string, string> | undefined, indent = ''): string[] {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [`${indent}${title}:\t<none>`];
  return entries.map(([k, v], i) => (i === 0 ? `${indent}${title}:\t${k}=${v}` : `${indent}\t${k}=${v}`));
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
const maxAnnotationLen = 140;

/**
 * printAnnotationsMultiline: `key: value` lines, sorted, without kubectl's own last-applied
 * annotation; a long or multi-line value goes on its own indented lines, shortened to 140.
 */
export function describeAnnotations(
  annotations: Record<string, string> | undefined,
  title = 'Annotations',
  indent = '',
): string[] {
  const keys = Object.keys(annotations ?? {})
    .filter((key) => key !== lastApplied)
    .sort();
  if (keys.length === 0) return [`${indent}${title}:\t<none>`];
  const lines: string[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 ? `${indent}${title}:\t` : `${indent}\t`;
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > maxAnnotationLen || value.includes('\n')) {
      lines.push(`${lead}${key}:`);
      for (const part of value.split('\n')) {
        const short = part.length > maxAnnotationLen - 2 ? `${part.slice(0, maxAnnotationLen - 5)}...` : part;
        lines.push(`${indent}\t  ${short}`);
      }
    } else lines.push(`${lead}${key}: ${value}`);
  });
  return lines;
}

/** The Events table that ends every describe. */
export function describeEvents(api: ApiServer, object: KubeObject): string[] {
  const events = api
    .list('Event')
    .filter((e) => e.involvedObject.uid === object.metadata.uid)
    .sort((a, b) => Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0));
  if (events.length === 0) return ['Events:\t<none>'];
  const lines = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
  for (const event of events) {
    const seen = humanDuration(api.now - Date.parse(event.lastTimestamp));
    const age =
      event.count > 1
        ? `${seen} (x${event.count} over ${humanDuration(api.now - Date.parse(event.firstTimestamp))})`
        : seen;
    const from = event.source.component;
    lines.push(`  ${event.type}\t${event.reason}\t${age}\t${from}\t${event.message}`);
  }
  return lines;
}

/**
 * What `kubectl get -o json` prints, byte for byte.
 *
 * JSON: k8s.io/cli-runtime/pkg/printers/json.go calls json.MarshalIndent(obj, "", "    ") on an
 * unstructured object (a Go map), so keys are sorted at every level and Go's escaping applies.
 *
 * YAML is in yaml-output.ts (re-exported here).
 */
import { type Json, toJson } from './json-value.ts';

/** Go sorts map keys by their UTF-8 bytes, which is code point order. */
function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < left.length && i < right.length; i++) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

// ---------------------------------------------------------------- JSON

/**
 * encoding/json's string encoder with HTML escaping on (the default json.Marshal uses): `<`, `>`,
 * `&`, U+2028 and U+2029 become \u escapes; a lone surrogate (invalid UTF-8 in Go) becomes \ufffd.
 */
function goJsonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/** encoding/json's float format: JS's own number format agrees (exponent below 1e-6 and from 1e21). */
const goJsonNumber = (value: number): string => (Object.is(value, -0) ? '-0' : String(value));

function writeJson(value: Json, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'string') return goJsonString(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + writeJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const members = keys.map((key) => `${inner}${goJsonString(key)}: ${writeJson(value[key] as Json, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** `kubectl get -o json`: 4-space indentation, sorted keys, a final newline. */
export function toKubectlJson(value: unknown): string {
  return `${writeJson(toJson(value) ?? null, '')}\n`;
}

// ---------------------------------------------------------------- YAML: what a scalar resolves to

export { toKubectlYaml } from './yaml-output.ts';

/** A value as JSON sees it, shared by the JSON and YAML printers (serialize.ts, yaml-output.ts). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON.stringify's view of a value (toJSON, undefined dropped), with Go's refusal of NaN and Inf. */
export function toJson(value: unknown): Json | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return toJson((value as { toJSON: () => unknown }).toJSON());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`json: unsupported value: ${goFloatName(value)}`);
      return value;
    case 'bigint':
      throw new Error('json: unsupported type: bigint');
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null);
      // No prototype, so a `__proto__` key is stored as data like any other.
      const object: { [key: string]: Json } = Object.create(null);
      for (const [key, item] of Object.entries(value)) {
        const converted = toJson(item);
        if (converted !== undefined) object[key] = converted;
      }
      return object;
    }
    default:
      return undefined; // undefined, functions, symbols
  }
}

const goFloatName = (value: number): string => (Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf');

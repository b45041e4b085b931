import { parseQuantity, quantityPattern } from '../../lib/quantity.ts';
import type { FieldType, ObjectSchema } from './field-types.ts';

/**
 * Checks a parsed manifest against the kind's schema the way the API server decodes JSON with
 * strict field validation (the kubectl default since 1.27). Returns the server's message, or
 * undefined when the object decodes.
 */
export function strictDecodeError(
  value: unknown,
  schema: ObjectSchema,
  kindGoType: string,
): string | undefined {
  const unknown: string[] = [];
  const typeError = walkObject(value as Record<string, unknown>, schema, kindGoType, '', unknown);
  if (typeError) return typeError;
  if (unknown.length > 0)
    return `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`;
  return undefined;
}

function walkObject(
  value: Record<string, unknown>,
  schema: ObjectSchema,
  goType: string,
  path: string,
  unknown: string[],
): string | undefined {
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const type = schema[key];
    if (type === undefined) {
      unknown.push(childPath);
      continue;
    }
    const error = walk(child, type, goType, childPath, unknown);
    if (error) return error;
  }
  return undefined;
}

function walk(
  value: unknown,
  type: FieldType,
  parentGoType: string,
  path: string,
  unknown: string[],
): string | undefined {
  if (value === null || value === undefined || type === 'any') return undefined;
  const mismatch = () =>
    `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${parentGoType}.${stripIndices(path)} of type ${goTypeName(type)}`;
  if (type === 'string' || type === 'timestamp') return typeof value === 'string' ? undefined : mismatch();
  if (type === 'int') return Number.isInteger(value) ? undefined : mismatch();
  if (type === 'bool') return typeof value === 'boolean' ? undefined : mismatch();
  if (type === 'quantity') {
    if (typeof value !== 'string' && typeof value !== 'number') return mismatch();
    return parseQuantity(String(value)) === undefined
      ? `quantities must match the regular expression '${quantityPattern}'`
      : undefined;
  }
  if (type === 'stringMap') {
    if (!isPlainObject(value)) return mismatch();
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string' && item !== null) {
        return `json: cannot unmarshal ${jsonKind(item)} into Go struct field ${parentGoType}.${stripIndices(path)} of type string`;
      }
      void key;
    }
    return undefined;
  }
  if ('array' in type) {
    if (!Array.isArray(value)) return mismatch();
    for (const [index, item] of value.entries()) {
      const error = walk(item, type.array, parentGoType, `${path}[${index}]`, unknown);
      if (error) return error;
    }
    return undefined;
  }
  if ('mapOf' in type) {
    if (!isPlainObject(value)) return mismatch();
    for (const [key, item] of Object.entries(value)) {
      const error = walk(item, type.mapOf, parentGoType, `${path}.${key}`, unknown);
      if (error) return error;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return mismatch();
  return walkObject(value, type.object, type.goType, path, unknown);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

function stripIndices(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

function goTypeName(type: FieldType): string {
  if (type === 'string' || type === 'timestamp') return 'string';
  if (type === 'int') return 'int32';
  if (type === 'bool') return 'bool';
  if (type === 'quantity') return 'resource.Quantity';
  if (type === 'stringMap') return 'map[string]string';
  if (type === 'any') return 'interface {}';
  if ('array' in type) return `[]${goTypeName(type.array).replace(/^v1\./, 'v1.')}`;
  if ('mapOf' in type) return `map[string]${goTypeName(type.mapOf)}`;
  return `v1.${type.goType}`;
}

/** Quantities may be written as numbers (`storage: 10`); the API stores them as strings ("10"). */
export function normalizeQuantities(value: unknown, schema: ObjectSchema): void {
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const type = schema[key];
    if (type !== undefined) value[key] = normalize(child, type);
  }
}

function normalize(value: unknown, type: FieldType): unknown {
  if (value === null || value === undefined || typeof type === 'string') {
    return type === 'quantity' && typeof value === 'number' ? String(value) : value;
  }
  if ('array' in type) return Array.isArray(value) ? value.map((item) => normalize(item, type.array)) : value;
  if ('mapOf' in type) {
    if (!isPlainObject(value)) return value;
    for (const [key, item] of Object.entries(value)) value[key] = normalize(item, type.mapOf);
    return value;
  }
  normalizeQuantities(value, type.object);
  return value;
}

/** apimachinery's field.Error: the path of the bad field, the kind of problem, and details. */
export interface FieldError {
  field: string;
  type:
    | 'Required value'
    | 'Invalid value'
    | 'Unsupported value'
    | 'Not found'
    | 'Forbidden'
    | 'Duplicate value';
  value?: unknown;
  detail?: string;
}

export const required = (field: string, detail?: string): FieldError => ({
  field,
  type: 'Required value',
  ...(detail ? { detail } : {}),
});
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  type: 'Invalid value',
  value,
  detail,
});
export const unsupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  field,
  type: 'Unsupported value',
  value,
  detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});
export const notFound = (field: string, value: unknown): FieldError => ({ field, type: 'Not found', value });
export const forbidden = (field: string, detail: string): FieldError => ({
  field,
  type: 'Forbidden',
  detail,
});
export const duplicate = (field: string, value: unknown): FieldError => ({
  field,
  type: 'Duplicate value',
  value,
});

/** field.Error.Error(): `spec.x: Invalid value: "v": detail`. */
export function formatFieldError(error: FieldError): string {
  const hasValue = error.type !== 'Required value' && error.type !== 'Forbidden' && 'value' in error;
  const value = hasValue ? `: ${formatValue(error.value)}` : '';
  return `${error.field}: ${error.type}${value}${error.detail ? `: ${error.detail}` : ''}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `"${k}":"${String(v)}"`);
    return `map[string]string{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** What kubectl prints for a StatusError of reason Invalid. */
export function formatInvalid(kind: string, name: string, errors: FieldError[]): string {
  const list =
    errors.length === 1
      ? formatFieldError(errors[0] as FieldError)
      : `\n${errors.map((e) => `* ${formatFieldError(e)}`).join('\n')}`;
  return `The ${kind} "${name}" is invalid: ${list}`;
}

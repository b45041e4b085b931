import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from '../../lib/validation.ts';
import type { ObjectMeta } from '../types.ts';
import { type FieldError, invalid, required } from './field-error.ts';

/** ValidateObjectMeta: a name (DNS subdomain, or a DNS label where the kind needs one), labels, annotations. */
export function validateMeta(meta: Partial<ObjectMeta> | undefined, nameIsLabel = false): FieldError[] {
  const errors: FieldError[] = [];
  const name = meta?.name;
  if (!name && !meta?.generateName)
    errors.push(required('metadata.name', 'name or generateName is required'));
  else if (name) {
    for (const detail of nameIsLabel ? isDns1123Label(name) : isDns1123Subdomain(name)) {
      errors.push(invalid('metadata.name', name, detail));
    }
  }
  for (const [key, value] of Object.entries(meta?.labels ?? {})) {
    for (const detail of isQualifiedName(key)) errors.push(invalid('metadata.labels', key, detail));
    for (const detail of isValidLabelValue(String(value)))
      errors.push(invalid('metadata.labels', value, detail));
  }
  for (const key of Object.keys(meta?.annotations ?? {})) {
    for (const detail of isQualifiedName(key.toLowerCase()))
      errors.push(invalid('metadata.annotations', key, detail));
  }
  return errors;
}

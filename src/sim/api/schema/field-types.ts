/**
 * A compact description of each kind's fields, enough to decode manifests the way the API server
 * does with strict field validation: an unknown field or a value of the wrong type is refused
 * with the server's wording, before any validation rule runs.
 */
export type FieldType =
  | 'string'
  | 'int'
  | 'bool'
  | 'quantity'
  | 'stringMap'
  | 'timestamp'
  | 'any'
  | { object: ObjectSchema; goType: string }
  | { array: FieldType }
  | { mapOf: FieldType };

export type ObjectSchema = Record<string, FieldType>;

export const obj = (goType: string, fields: ObjectSchema): FieldType => ({ object: fields, goType });
export const arr = (item: FieldType): FieldType => ({ array: item });

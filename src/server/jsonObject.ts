// What a parsed JSON body or field must be before its fields are read: an object, not null, an array or a scalar.
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the panel stored as JSON (pure): the object, or null for nothing stored, text that is not
 * JSON or JSON that is not an object. Stored settings may be hand-edited or from an older version.
 */
export function storedObject(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

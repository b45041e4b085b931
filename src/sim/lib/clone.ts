/** Deep copy of plain JSON data. Works on Immer drafts too (structuredClone rejects proxies). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

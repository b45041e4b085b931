/**
 * localStorage that never throws: it can be missing (privacy modes), full, or hold anything a
 * user or an old version left there. Callers validate what they read.
 */
export const safeStorage = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Not saved: the preference lasts for this visit only.
    }
  },
};

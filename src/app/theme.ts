import { useCallback, useSyncExternalStore } from 'react';
import { safeStorage } from '../lib/safe-storage.ts';

export type Theme = 'light' | 'dark';
export const themeStorageKey = 'kube-volume-lab:theme';
const darkQuery = '(prefers-color-scheme: dark)';

/** A saved choice wins; otherwise the system's colour scheme, followed live. */
export function effectiveTheme(saved: string | null, systemPrefersDark: boolean): Theme {
  if (saved === 'light' || saved === 'dark') return saved;
  return systemPrefersDark ? 'dark' : 'light';
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.(darkQuery).matches ?? false;
}

/** Applies the theme to <html>; index.html runs the same logic inline before first paint. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const media = globalThis.matchMedia?.(darkQuery);
  const onSystemChange = () => {
    applyTheme(effectiveTheme(safeStorage.get(themeStorageKey), systemPrefersDark()));
    onChange();
  };
  media?.addEventListener('change', onSystemChange);
  return () => {
    listeners.delete(onChange);
    media?.removeEventListener('change', onSystemChange);
  };
}

function readTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(subscribe, readTheme);
  const toggle = useCallback(() => {
    const next: Theme = readTheme() === 'dark' ? 'light' : 'dark';
    safeStorage.set(themeStorageKey, next);
    applyTheme(next);
    for (const listener of listeners) listener();
  }, []);
  return [theme, toggle];
}

export function initTheme(): void {
  applyTheme(effectiveTheme(safeStorage.get(themeStorageKey), systemPrefersDark()));
}

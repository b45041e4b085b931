import { safeStorage } from '../lib/safe-storage.ts';
import { defaultLocale, isLocale, type Locale, locales } from './locales.ts';

export const localeStorageKey = 'kube-volume-lab:locale';

/** The learner's saved choice, else the first browser language we have, else English. */
export function preferredLocale(
  saved: string | null = safeStorage.get(localeStorageKey),
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const match = locales.find((locale) => locale === base);
    if (match) return match;
  }
  return defaultLocale;
}

export function saveLocale(locale: Locale): void {
  safeStorage.set(localeStorageKey, locale);
}

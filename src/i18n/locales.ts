/** The languages the course is written in. English defines the course's structure and order. */
export const locales = ['en', 'ko'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Each language's name in its own language, for the language switch. */
export const localeNames: Record<Locale, string> = { en: 'English', ko: '한국어' };

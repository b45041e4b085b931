import type { Locale } from '../i18n/locales.ts';

/**
 * The app's URL shapes, in one leaf module: pages, the header and the simulator's share button all
 * build links here, so a path is spelled once.
 */

/** The sandbox's path segment; no lesson may use this id. */
export const sandboxSegment = 'sandbox';

export function sandboxPath(locale: Locale): string {
  return `/${locale}/${sandboxSegment}`;
}

export function lessonPath(locale: Locale, lessonId: string): string {
  return `/${locale}/${lessonId}`;
}

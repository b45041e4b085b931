import { lessonLoaders } from 'virtual:course';
import { useEffect, useSyncExternalStore } from 'react';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import type { LessonDocument } from './course-types.ts';

type Entry = { status: 'loading' } | { status: 'ready'; document: LessonDocument } | { status: 'error' };

/** Loaded lesson chunks, shared by every component: a lesson is fetched once per visit. */
const cache = new Map<string, Entry>();
const listeners = new Set<() => void>();

function setEntry(key: string, entry: Entry): void {
  cache.set(key, entry);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Which file is shown for a lesson in a locale: its own, or English while untranslated. */
export function documentKey(locale: Locale, lessonId: string): string {
  const own = `${locale}/${lessonId}`;
  return own in lessonLoaders ? own : `${defaultLocale}/${lessonId}`;
}

/** Starts loading a lesson's chunk unless it is loaded or loading: on link hover/focus and at start-up. */
export function preloadLesson(locale: Locale, lessonId: string): void {
  const key = documentKey(locale, lessonId);
  const existing = cache.get(key);
  if (existing && existing.status !== 'error') return;
  const loader = lessonLoaders[key];
  if (!loader) {
    setEntry(key, { status: 'error' });
    return;
  }
  setEntry(key, { status: 'loading' });
  loader().then(
    (module) => setEntry(key, { status: 'ready', document: module.default }),
    () => setEntry(key, { status: 'error' }),
  );
}

export type LessonDocumentState =
  | { status: 'loading' }
  | { status: 'ready'; document: LessonDocument }
  | { status: 'error'; retry: () => void };

export function useLessonDocument(locale: Locale, lessonId: string): LessonDocumentState {
  const key = documentKey(locale, lessonId);
  useEffect(() => preloadLesson(locale, lessonId), [locale, lessonId]);
  const entry = useSyncExternalStore(subscribe, () => cache.get(key));
  if (entry?.status === 'error') return { status: 'error', retry: () => preloadLesson(locale, lessonId) };
  return entry ?? { status: 'loading' };
}

import { isLocale, type Locale } from '../i18n/locales.ts';
import type { CourseManifest } from '../lessons/course-types.ts';
import { lessonPath, sandboxSegment } from '../routing/paths.ts';

export type Route =
  | { kind: 'lesson'; locale: Locale; lessonId: string }
  | { kind: 'sandbox'; locale: Locale }
  | { kind: 'redirect'; to: string }
  | { kind: 'not-found'; locale: Locale | undefined };

/**
 * URL path → what to show. `/` and `/<locale>` lead to the course start; `/<locale>/<lesson-id>`
 * is a lesson; a trailing slash or `.html` (static-host copies) is tolerated; anything else is
 * not found.
 */
export function parseRoute(pathname: string, course: CourseManifest, preferred: () => Locale): Route {
  const segments = pathname
    .replace(/\.html$/, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index');
  const first = course.order[0] ?? '';
  if (segments.length === 0) return { kind: 'redirect', to: lessonPath(preferred(), first) };
  const [localeSegment, lessonId, ...rest] = segments;
  if (!isLocale(localeSegment)) return { kind: 'not-found', locale: undefined };
  if (lessonId === undefined) return { kind: 'redirect', to: lessonPath(localeSegment, first) };
  if (lessonId === sandboxSegment && rest.length === 0) return { kind: 'sandbox', locale: localeSegment };
  if (rest.length > 0 || !Object.hasOwn(course.lessons, lessonId))
    return { kind: 'not-found', locale: localeSegment };
  return { kind: 'lesson', locale: localeSegment, lessonId };
}

/** The lessons before and after this one in reading order. */
export function neighbours(course: CourseManifest, lessonId: string): { previous?: string; next?: string } {
  const index = course.order.indexOf(lessonId);
  return {
    ...(index > 0 ? { previous: course.order[index - 1] } : {}),
    ...(index >= 0 && index < course.order.length - 1 ? { next: course.order[index + 1] } : {}),
  };
}

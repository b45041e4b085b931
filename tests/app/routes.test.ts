import { describe, expect, it } from 'vitest';
import { neighbours, parseRoute } from '../../src/app/routes.ts';
import type { CourseManifest } from '../../src/lessons/course-types.ts';

const course = {
  chapters: [],
  lessons: { intro: {}, pods: {}, volumes: {} },
  order: ['intro', 'pods', 'volumes'],
} as unknown as CourseManifest;
const parse = (path: string) => parseRoute(path, course, () => 'ko');

describe('routes', () => {
  it.each([
    ['/', { kind: 'redirect', to: '/ko/intro' }],
    ['/en', { kind: 'redirect', to: '/en/intro' }],
    ['/en/', { kind: 'redirect', to: '/en/intro' }],
    ['/en/pods', { kind: 'lesson', locale: 'en', lessonId: 'pods' }],
    ['/ko/pods/', { kind: 'lesson', locale: 'ko', lessonId: 'pods' }],
    ['/ko/pods.html', { kind: 'lesson', locale: 'ko', lessonId: 'pods' }],
    ['/en/nope', { kind: 'not-found', locale: 'en' }],
    ['/en/pods/extra', { kind: 'not-found', locale: 'en' }],
    ['/fr/pods', { kind: 'not-found', locale: undefined }],
    ['/en/constructor', { kind: 'not-found', locale: 'en' }],
  ])('%s', (path, expected) => {
    expect(parse(path)).toEqual(expected);
  });

  it('links each lesson to its neighbours in reading order', () => {
    expect(neighbours(course, 'intro')).toEqual({ next: 'pods' });
    expect(neighbours(course, 'pods')).toEqual({ previous: 'intro', next: 'volumes' });
    expect(neighbours(course, 'volumes')).toEqual({ previous: 'pods' });
  });
});

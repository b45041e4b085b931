import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/build/load-course.ts';
import { chapter, contentFixture, lesson } from '../helpers/content-fixture.ts';

const intro = { id: 'intro', title: 'Intro', summary: 'Start here.', minutes: 3 };
const pods = { id: 'pods', title: 'Pods', summary: 'Pods.', minutes: 5 };
const koIntro = { ...intro, title: '소개', summary: '여기서 시작합니다.' };

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function load(files: Record<string, string>) {
  const fixture = contentFixture(files);
  dispose = fixture.dispose;
  return () => loadCourse(fixture.contentDir, fixture.root);
}

const englishCourse = {
  'en/01-basics/_chapter.md': chapter('Basics'),
  'en/01-basics/01-intro.md': lesson(intro, 'See [pods](./02-pods.md#what).\n'),
  'en/01-basics/02-pods.md': lesson(pods, '## What\n\nText.\n'),
  'en/02-more/_chapter.md': chapter('More'),
  'en/02-more/01-extra.md': lesson({ ...pods, id: 'extra', title: 'Extra' }),
};

describe('loading the course from content/', () => {
  it('orders chapters and lessons by their folder and file prefixes', () => {
    const { manifest } = load(englishCourse)();
    expect(manifest.chapters.map((c) => [c.id, c.lessonIds])).toEqual([
      ['basics', ['intro', 'pods']],
      ['more', ['extra']],
    ]);
    expect(manifest.order).toEqual(['intro', 'pods', 'extra']);
    expect(manifest.lessons.pods).toMatchObject({ chapterId: 'basics', minutes: 5 });
  });

  it('falls back to English titles, and marks the lesson untranslated, where a translation is missing', () => {
    const { manifest, lessonFiles } = load({
      ...englishCourse,
      'ko/01-basics/_chapter.md': chapter('기초'),
      'ko/01-basics/01-intro.md': lesson(koIntro),
    })();
    expect(manifest.lessons.intro?.title).toEqual({ en: 'Intro', ko: '소개' });
    expect(manifest.lessons.pods?.title).toEqual({ en: 'Pods', ko: 'Pods' });
    expect(manifest.lessons.pods?.translated).toEqual({ en: true, ko: false });
    expect(manifest.chapters[1]?.title).toEqual({ en: 'More', ko: 'More' });
    expect(Object.keys(lessonFiles).sort()).toEqual(['en/extra', 'en/intro', 'en/pods', 'ko/intro']);
  });

  it('rewrites links between lessons to the route in the same language', () => {
    const course = load({
      ...englishCourse,
      'ko/01-basics/_chapter.md': chapter('기초'),
      'ko/01-basics/01-intro.md': lesson(koIntro, '[파드](./02-pods.md)\n'),
    })();
    const koFile = Object.entries(course.lessonFiles).find(([key]) => key === 'ko/intro')?.[1] ?? '';
    expect(JSON.stringify(course.documents.get(koFile)?.body)).toContain('"/ko/pods"');
  });

  it('reports a Korean lesson without an English twin', () => {
    expect(
      load({
        ...englishCourse,
        'ko/01-basics/_chapter.md': chapter('기초'),
        'ko/01-basics/03-orphan.md': lesson({ ...intro, id: 'orphan' }),
      }),
    ).toThrow(
      'content/ko/01-basics/03-orphan.md: no English twin: expected content/en/01-basics/03-orphan.md',
    );
  });

  it('reports a translation whose id differs from its English twin', () => {
    expect(
      load({
        ...englishCourse,
        'ko/01-basics/_chapter.md': chapter('기초'),
        'ko/01-basics/01-intro.md': lesson({ ...koIntro, id: 'sogae' }),
      }),
    ).toThrow('field "id" is "sogae" but its English twin\'s is "intro"');
  });

  it('reports every problem at once, each with its file', () => {
    const attempt = load({
      ...englishCourse,
      'en/01-basics/02-pods.md': lesson({ ...pods, minutes: 'five' }),
      'en/02-more/01-extra.md': lesson({ ...pods }, '[x](./nowhere.md)\n'),
    });
    expect(attempt).toThrow(/01-basics\/02-pods\.md: invalid front matter: field "minutes"/);
    expect(attempt).toThrow(/02-more\/01-extra\.md:\d+: broken link "\.\/nowhere\.md"/);
  });

  it('reports a duplicate lesson id', () => {
    expect(load({ ...englishCourse, 'en/02-more/01-extra.md': lesson(pods) })).toThrow(
      'lesson id "pods" is already used by content/en/01-basics/02-pods.md',
    );
  });

  it('reports a link to a heading that does not exist', () => {
    expect(load({ ...englishCourse, 'en/01-basics/02-pods.md': lesson(pods, '## Other\n') })).toThrow(
      'broken link: /en/pods has no heading "#what"',
    );
  });

  it('reports badly named files and folders and a missing chapter file', () => {
    const attempt = load({
      ...englishCourse,
      'en/basics/01-x.md': lesson(intro),
      'en/02-more/extra.md': 'x',
      'en/03-empty/01-x.md': lesson({ ...intro, id: 'x' }),
      'fr/01-a/_chapter.md': chapter('A'),
    });
    expect(attempt).toThrow('content/en/basics: expected a chapter folder');
    expect(attempt).toThrow('content/en/02-more/extra.md: expected a lesson file');
    expect(attempt).toThrow('content/en/03-empty/_chapter.md: missing');
    expect(attempt).toThrow('content/fr: unknown folder');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';
import { loadCourse } from '../../src/lessons/build/load-course.ts';
import { directiveSpecs } from '../../src/lessons/directives/directive-specs.ts';
import { directiveRegistry } from '../../src/lessons/directives/registry.tsx';

// The real course in content/: everything the build checks, proven in the test run too.
const root = join(import.meta.dirname, '..', '..');
const course = loadCourse(join(root, 'content'), root);

describe('the course in content/', () => {
  it('loads without a single content error', () => {
    expect(course.manifest.order.length).toBeGreaterThanOrEqual(2);
  });

  it('starts with the foundation lessons, in order', () => {
    expect(course.manifest.order.slice(0, 2)).toEqual(['what-is-kubernetes', 'cluster-and-nodes']);
  });

  it.each(locales)('has every lesson in %s, with the same ids as English', (locale) => {
    for (const id of course.manifest.order) {
      expect(course.lessonFiles[`${locale}/${id}`], `${locale}/${id}`).toBeDefined();
      expect(course.manifest.lessons[id]?.translated[locale]).toBe(true);
    }
  });

  it('gives every directive in the specs a component in the registry', () => {
    expect(Object.keys(directiveRegistry).sort()).toEqual(Object.keys(directiveSpecs).sort());
  });

  it('links every lesson to kubernetes.io at least once', () => {
    for (const file of Object.values(course.lessonFiles)) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/\]\(https:\/\/kubernetes\.io\//);
    }
  });

  it('opens each lesson with "You will learn" and closes it with a recap', () => {
    for (const file of Object.values(course.lessonFiles)) {
      const body = readFileSync(file, 'utf8');
      expect(body, file).toMatch(/^:::learn$/m);
      expect(body, file).toMatch(/^:::recap$/m);
    }
  });

  it('keeps an English twin for every Korean file, illustrations included', () => {
    const list = (locale: string) =>
      readdirSync(join(root, 'content', locale), { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.includes('.'),
      );
    const english = new Set(list('en'));
    for (const file of list('ko')) expect(english.has(file), `ko/${file}`).toBe(true);
  });
});

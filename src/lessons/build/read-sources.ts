import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLocale, type Locale, locales } from '../../i18n/locales.ts';
import type { ContentProblems } from './content-problems.ts';
import {
  type ChapterFrontMatter,
  chapterFrontMatterSchema,
  type LessonFrontMatter,
  lessonFrontMatterSchema,
} from './front-matter-schema.ts';
import { splitFrontMatter, validateFrontMatter } from './parse-front-matter.ts';

export interface SourceLesson {
  locale: Locale;
  /** Path inside `content/<locale>/`, e.g. `01-foundations/02-cluster-and-nodes.md`. */
  relPath: string;
  absPath: string;
  file: string;
  chapterDir: string;
  front: LessonFrontMatter;
  body: string;
  bodyStartLine: number;
}

export const chapterDirPattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const lessonFilePattern = /^\d{2}-[a-z0-9-]+\.md$/;
/** Non-locale folders `content/` may hold. */
const sharedContentDirs = new Set(['scenarios']);

/**
 * Walks `content/<locale>/NN-chapter/NN-lesson.md`: every chapter's title (by chapter folder and
 * locale) and every lesson file with its validated front matter. Misnamed files and folders are
 * problems, reported with the rest.
 */
export function readSources(
  contentDir: string,
  problems: ContentProblems,
): { lessons: SourceLesson[]; chapterTitles: Map<string, Partial<Record<Locale, string>>> } {
  for (const entry of listDir(contentDir)) {
    const isLocaleDir = (locales as readonly string[]).includes(entry);
    if (!isLocaleDir && !sharedContentDirs.has(entry) && isDirectory(join(contentDir, entry))) {
      problems.add(
        problems.fileName(join(contentDir, entry)),
        `unknown folder (expected one of: ${locales.join(', ')})`,
      );
    }
  }

  const chapterTitles = new Map<string, Partial<Record<Locale, string>>>(); // chapter dir → titles
  const lessons: SourceLesson[] = [];
  for (const locale of locales) {
    const localeDir = join(contentDir, locale);
    if (!existsSync(localeDir)) {
      if (locale === defaultLocale)
        problems.add(problems.fileName(localeDir), 'the English course is missing');
      continue;
    }
    for (const chapterDir of listDir(localeDir)) {
      const chapterPath = join(localeDir, chapterDir);
      if (!isDirectory(chapterPath) || !chapterDirPattern.test(chapterDir)) {
        problems.add(problems.fileName(chapterPath), 'expected a chapter folder named like "01-foundations"');
        continue;
      }
      const chapterFile = join(chapterPath, '_chapter.md');
      if (!existsSync(chapterFile)) {
        problems.add(problems.fileName(chapterFile), 'missing: every chapter folder needs a _chapter.md');
      } else {
        const front = problems.attempt(() => {
          const split = splitFrontMatter(readFileSync(chapterFile, 'utf8'), problems.fileName(chapterFile));
          return validateFrontMatter<ChapterFrontMatter>(
            chapterFrontMatterSchema,
            split.data,
            problems.fileName(chapterFile),
          );
        });
        if (front) chapterTitles.set(chapterDir, { ...chapterTitles.get(chapterDir), [locale]: front.title });
      }
      for (const name of listDir(chapterPath)) {
        const absPath = join(chapterPath, name);
        if (name === '_chapter.md' || name.endsWith('.svg')) continue;
        if (!lessonFilePattern.test(name)) {
          problems.add(problems.fileName(absPath), 'expected a lesson file named like "01-lesson-name.md"');
          continue;
        }
        const file = problems.fileName(absPath);
        const parsed = problems.attempt(() => {
          const split = splitFrontMatter(readFileSync(absPath, 'utf8'), file);
          return {
            split,
            front: validateFrontMatter<LessonFrontMatter>(lessonFrontMatterSchema, split.data, file),
          };
        });
        if (!parsed) continue;
        lessons.push({
          locale,
          relPath: `${chapterDir}/${name}`,
          absPath,
          file,
          chapterDir,
          front: parsed.front,
          body: parsed.split.body,
          bodyStartLine: parsed.split.bodyStartLine,
        });
      }
    }
  }

  return { lessons, chapterTitles };
}

export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

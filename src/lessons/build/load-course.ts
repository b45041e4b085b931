import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { defaultLocale, type Locale, locales } from '../../i18n/locales.ts';
import type { ChapterEntry, CourseManifest, LessonDocument, LessonEntry } from '../course-types.ts';
import { ContentError, ContentErrors } from './content-error.ts';
import {
  type ChapterFrontMatter,
  chapterFrontMatterSchema,
  type LessonFrontMatter,
  lessonFrontMatterSchema,
} from './front-matter-schema.ts';
import { loadScenarios } from './load-scenarios.ts';
import { splitFrontMatter, validateFrontMatter } from './parse-front-matter.ts';
import { AggregateContentError, type InternalLink, renderMarkdown } from './render-markdown.ts';
import type { Scenario } from './scenario-schema.ts';

export interface BuiltCourse {
  manifest: CourseManifest;
  /** `en/volumes` → absolute path of that lesson's markdown file (translated lessons only). */
  lessonFiles: Record<string, string>;
  /** Absolute markdown path → its rendered document. */
  documents: Map<string, LessonDocument>;
  /** Scenario id → absolute path of its YAML file. */
  scenarioFiles: Record<string, string>;
  /** Scenario id → its validated content. */
  scenarios: Record<string, Scenario>;
}

/** What a lesson file asks of the learner; a translation must ask the same. */
interface Interactive {
  taskIds: string[];
  quizQuestions: number;
  simulators: string[];
}

interface SourceLesson {
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

const chapterDirPattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const lessonFilePattern = /^\d{2}-[a-z0-9-]+\.md$/;
/** Non-locale folders `content/` may hold (scenario files arrive with the simulator). */
const sharedContentDirs = new Set(['scenarios']);

/**
 * Reads `content/`, validates it and renders every lesson. English defines the chapters, lessons
 * and their order; every other locale mirrors English paths and ids and may leave lessons out
 * (the app then shows the English text with a notice). All problems are reported together.
 */
export function loadCourse(contentDir: string, projectRoot: string): BuiltCourse {
  const errors: ContentError[] = [];
  const fileName = (absPath: string) => relative(projectRoot, absPath).split(sep).join('/');
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else if (error instanceof AggregateContentError) errors.push(...error.errors);
      else throw error;
      return undefined;
    }
  };

  for (const entry of listDir(contentDir)) {
    const isLocaleDir = (locales as readonly string[]).includes(entry);
    if (!isLocaleDir && !sharedContentDirs.has(entry) && isDirectory(join(contentDir, entry))) {
      errors.push(
        new ContentError(
          fileName(join(contentDir, entry)),
          `unknown folder (expected one of: ${locales.join(', ')})`,
        ),
      );
    }
  }

  const chapterTitles = new Map<string, Partial<Record<Locale, string>>>(); // chapter dir → titles
  const lessons: SourceLesson[] = [];
  for (const locale of locales) {
    const localeDir = join(contentDir, locale);
    if (!existsSync(localeDir)) {
      if (locale === defaultLocale)
        errors.push(new ContentError(fileName(localeDir), 'the English course is missing'));
      continue;
    }
    for (const chapterDir of listDir(localeDir)) {
      const chapterPath = join(localeDir, chapterDir);
      if (!isDirectory(chapterPath) || !chapterDirPattern.test(chapterDir)) {
        errors.push(
          new ContentError(fileName(chapterPath), 'expected a chapter folder named like "01-foundations"'),
        );
        continue;
      }
      const chapterFile = join(chapterPath, '_chapter.md');
      if (!existsSync(chapterFile)) {
        errors.push(
          new ContentError(fileName(chapterFile), 'missing: every chapter folder needs a _chapter.md'),
        );
      } else {
        const front = attempt(() => {
          const split = splitFrontMatter(readFileSync(chapterFile, 'utf8'), fileName(chapterFile));
          return validateFrontMatter<ChapterFrontMatter>(
            chapterFrontMatterSchema,
            split.data,
            fileName(chapterFile),
          );
        });
        if (front) chapterTitles.set(chapterDir, { ...chapterTitles.get(chapterDir), [locale]: front.title });
      }
      for (const name of listDir(chapterPath)) {
        const absPath = join(chapterPath, name);
        if (name === '_chapter.md' || name.endsWith('.svg')) continue;
        if (!lessonFilePattern.test(name)) {
          errors.push(
            new ContentError(fileName(absPath), 'expected a lesson file named like "01-lesson-name.md"'),
          );
          continue;
        }
        const file = fileName(absPath);
        const parsed = attempt(() => {
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

  // English defines the structure; translations must mirror it.
  const scenarios = loadScenarios(contentDir, projectRoot, errors);
  for (const lesson of lessons) {
    if (lesson.front.scenario && !scenarios.has(lesson.front.scenario))
      errors.push(
        new ContentError(
          lesson.file,
          `scenario "${lesson.front.scenario}" has no file content/scenarios/${lesson.front.scenario}.yaml`,
        ),
      );
  }
  const english = new Map(lessons.filter((l) => l.locale === defaultLocale).map((l) => [l.relPath, l]));
  const seenIds = new Map<string, string>();
  for (const lesson of english.values()) {
    const other = seenIds.get(lesson.front.id);
    if (other)
      errors.push(
        new ContentError(lesson.file, `lesson id "${lesson.front.id}" is already used by ${other}`),
      );
    seenIds.set(lesson.front.id, lesson.file);
  }
  for (const lesson of lessons) {
    if (lesson.locale === defaultLocale) continue;
    const twin = english.get(lesson.relPath);
    if (!twin) {
      errors.push(
        new ContentError(lesson.file, `no English twin: expected content/${defaultLocale}/${lesson.relPath}`),
      );
    } else if (twin.front.id !== lesson.front.id) {
      errors.push(
        new ContentError(
          lesson.file,
          `field "id" is "${lesson.front.id}" but its English twin's is "${twin.front.id}"`,
        ),
      );
    } else if (twin.front.scenario !== lesson.front.scenario) {
      errors.push(
        new ContentError(
          lesson.file,
          `field "scenario" must match its English twin's ("${twin.front.scenario ?? ''}")`,
        ),
      );
    }
  }
  for (const [chapterDir, titles] of chapterTitles) {
    if (!titles[defaultLocale]) {
      errors.push(
        new ContentError(
          `content/${Object.keys(titles)[0]}/${chapterDir}`,
          'no English twin for this chapter',
        ),
      );
    }
  }

  // Render every lesson; links resolve to routes by the linked file's path inside its locale.
  const routeOfFile = (locale: Locale) => (absPath: string) => {
    const relPath = relative(join(contentDir, locale), absPath).split(sep).join('/');
    const target = english.get(relPath);
    return target ? `/${locale}/${target.front.id}` : undefined;
  };
  const documents = new Map<string, LessonDocument>();
  const simulatorsById = new Map<string, Set<string>>();
  /** Tasks and quiz size per lesson file: translations must ask the same. */
  const interactiveByFile = new Map<string, Interactive>();
  const linksByFile: Array<{ lesson: SourceLesson; links: InternalLink[] }> = [];
  const headingIds = new Map<string, Set<string>>(); // route → heading ids
  for (const lesson of lessons) {
    const rendered = attempt(() =>
      renderMarkdown(lesson.body, {
        absPath: lesson.absPath,
        file: lesson.file,
        bodyStartLine: lesson.bodyStartLine,
        routeOfFile: routeOfFile(lesson.locale),
        scenarioExists: (id) => scenarios.has(id),
        scenarioIsChallenge: (id) => Boolean(scenarios.get(id)?.scenario.goal),
      }),
    );
    if (!rendered) continue;
    documents.set(lesson.absPath, rendered.document);
    interactiveByFile.set(lesson.absPath, {
      taskIds: rendered.taskIds,
      quizQuestions: rendered.quizQuestions,
      simulators: [...rendered.simulators].sort(),
    });
    const used = simulatorsById.get(lesson.front.id) ?? new Set<string>();
    for (const scenario of rendered.simulators) used.add(scenario);
    simulatorsById.set(lesson.front.id, used);
    linksByFile.push({ lesson, links: rendered.internalLinks });
    headingIds.set(
      `/${lesson.locale}/${lesson.front.id}`,
      new Set(rendered.document.headings.map((h) => h.id)),
    );
  }
  for (const { lesson, links } of linksByFile) {
    for (const link of links) {
      if (!link.hash) continue;
      const route = link.route ?? `/${lesson.locale}/${lesson.front.id}`;
      // An untranslated target is shown in English, so its English headings count.
      const ids = headingIds.get(route) ?? headingIds.get(`/${defaultLocale}/${route.split('/')[2]}`);
      if (ids && !ids.has(link.hash)) {
        errors.push(
          new ContentError(lesson.file, `broken link: ${route} has no heading "#${link.hash}"`, link.line),
        );
      }
    }
  }

  for (const lesson of lessons) {
    if (lesson.locale === defaultLocale) continue;
    const twin = english.get(lesson.relPath);
    const mine = interactiveByFile.get(lesson.absPath);
    const theirs = twin ? interactiveByFile.get(twin.absPath) : undefined;
    if (!mine || !theirs) continue;
    if (mine.taskIds.join() !== theirs.taskIds.join())
      errors.push(
        new ContentError(
          lesson.file,
          `tasks [${mine.taskIds.join(', ')}] must match its English twin's [${theirs.taskIds.join(', ')}]`,
        ),
      );
    if (mine.simulators.join() !== theirs.simulators.join())
      errors.push(
        new ContentError(
          lesson.file,
          `simulator scenarios [${mine.simulators.join(', ')}] must match its English twin's [${theirs.simulators.join(', ')}]`,
        ),
      );
    if (mine.quizQuestions !== theirs.quizQuestions)
      errors.push(
        new ContentError(
          lesson.file,
          `${mine.quizQuestions} quiz questions; its English twin has ${theirs.quizQuestions}`,
        ),
      );
  }

  if (errors.length > 0) throw new ContentErrors(errors);
  return {
    ...buildManifest(lessons, english, chapterTitles, simulatorsById, interactiveByFile),
    documents,
    scenarioFiles: Object.fromEntries([...scenarios].map(([id, s]) => [id, s.absPath])),
    scenarios: Object.fromEntries([...scenarios].map(([id, s]) => [id, s.scenario])),
  };
}

function buildManifest(
  lessons: SourceLesson[],
  english: Map<string, SourceLesson>,
  chapterTitles: Map<string, Partial<Record<Locale, string>>>,
  simulatorsById: Map<string, Set<string>>,
  interactiveByFile: Map<string, Interactive>,
): Omit<BuiltCourse, 'scenarioFiles' | 'scenarios' | 'documents'> {
  const byLocaleAndPath = new Map(lessons.map((l) => [`${l.locale}/${l.relPath}`, l]));
  const chapters: ChapterEntry[] = [];
  const entries: Record<string, LessonEntry> = {};
  const lessonFiles: Record<string, string> = {};
  const sorted = [...english.values()].sort((a, b) => a.relPath.localeCompare(b.relPath));
  for (const lesson of sorted) {
    const chapterId = lesson.chapterDir.replace(chapterDirPattern, '$2');
    let chapter = chapters.find((c) => c.id === chapterId);
    if (!chapter) {
      const titles = chapterTitles.get(lesson.chapterDir) ?? {};
      const title = perLocale((locale) => titles[locale] ?? titles[defaultLocale] ?? chapterId);
      chapter = { id: chapterId, title, lessonIds: [] };
      chapters.push(chapter);
    }
    chapter.lessonIds.push(lesson.front.id);
    const twin = (locale: Locale) => byLocaleAndPath.get(`${locale}/${lesson.relPath}`);
    for (const locale of locales) {
      const source = twin(locale);
      if (source) lessonFiles[`${locale}/${lesson.front.id}`] = source.absPath;
    }
    entries[lesson.front.id] = {
      id: lesson.front.id,
      chapterId,
      minutes: lesson.front.minutes,
      ...(lesson.front.scenario ? { scenario: lesson.front.scenario } : {}),
      tasks: interactiveByFile.get(lesson.absPath)?.taskIds ?? [],
      quizQuestions: interactiveByFile.get(lesson.absPath)?.quizQuestions ?? 0,
      ...(simulatorsById.get(lesson.front.id)?.size
        ? { simulators: [...(simulatorsById.get(lesson.front.id) ?? [])].sort() }
        : {}),
      title: perLocale((locale) => (twin(locale) ?? lesson).front.title),
      summary: perLocale((locale) => (twin(locale) ?? lesson).front.summary),
      translated: perLocale((locale) => twin(locale) !== undefined),
    };
  }
  const order = chapters.flatMap((chapter) => chapter.lessonIds);
  return { manifest: { chapters, lessons: entries, order }, lessonFiles };
}

function perLocale<T>(value: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((locale) => [locale, value(locale)])) as Record<Locale, T>;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

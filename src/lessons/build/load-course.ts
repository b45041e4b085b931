import { join, relative, sep } from 'node:path';
import { defaultLocale, type Locale, locales } from '../../i18n/locales.ts';
import type { ChapterEntry, CourseManifest, LessonDocument, LessonEntry } from '../course-types.ts';
import { checkStructure, checkTranslationsAskTheSame, type Interactive } from './check-translations.ts';
import { ContentErrors } from './content-error.ts';
import { ContentProblems } from './content-problems.ts';
import { type LoadedScenario, loadScenarios } from './load-scenarios.ts';
import { chapterDirPattern, readSources, type SourceLesson } from './read-sources.ts';
import { type InternalLink, renderMarkdown } from './render-markdown.ts';
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

/**
 * Reads `content/`, validates it and renders every lesson. English defines the chapters, lessons
 * and their order; every other locale mirrors English paths and ids and may leave lessons out
 * (the app then shows the English text with a notice). All problems are reported together.
 */
export function loadCourse(contentDir: string, projectRoot: string): BuiltCourse {
  const problems = new ContentProblems(projectRoot);
  const { lessons, chapterTitles } = readSources(contentDir, problems);
  const scenarios = loadScenarios(contentDir, projectRoot, problems.errors);
  for (const lesson of lessons) {
    if (lesson.front.scenario && !scenarios.has(lesson.front.scenario))
      problems.add(
        lesson.file,
        `scenario "${lesson.front.scenario}" has no file content/scenarios/${lesson.front.scenario}.yaml`,
      );
  }
  const english = checkStructure(lessons, chapterTitles, problems);
  const rendered = renderLessons(contentDir, lessons, english, scenarios, problems);
  checkTranslationsAskTheSame(lessons, english, rendered.interactiveByFile, problems);
  if (problems.errors.length > 0) throw new ContentErrors(problems.errors);
  return {
    ...buildManifest(lessons, english, chapterTitles, rendered.simulatorsById, rendered.interactiveByFile),
    documents: rendered.documents,
    scenarioFiles: Object.fromEntries([...scenarios].map(([id, s]) => [id, s.absPath])),
    scenarios: Object.fromEntries([...scenarios].map(([id, s]) => [id, s.scenario])),
  };
}

/** Renders every lesson; links resolve to routes by the linked file's path inside its locale. */
function renderLessons(
  contentDir: string,
  lessons: SourceLesson[],
  english: Map<string, SourceLesson>,
  scenarios: Map<string, LoadedScenario>,
  problems: ContentProblems,
) {
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
    const rendered = problems.attempt(() =>
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
        problems.add(lesson.file, `broken link: ${route} has no heading "#${link.hash}"`, link.line);
      }
    }
  }

  return { documents, simulatorsById, interactiveByFile };
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

import { defaultLocale } from '../../i18n/locales.ts';
import type { ContentProblems } from './content-problems.ts';
import type { SourceLesson } from './read-sources.ts';

/** What a lesson file asks of the learner; a translation must ask the same. */
export interface Interactive {
  taskIds: string[];
  quizQuestions: number;
  simulators: string[];
}

/**
 * English defines the structure; translations mirror it: each translated lesson has an English
 * twin at the same path with the same id and scenario, lesson ids are unique, and every chapter
 * exists in English. Returns the English lessons by path.
 */
export function checkStructure(
  lessons: SourceLesson[],
  chapterTitles: Map<string, Partial<Record<string, string>>>,
  problems: ContentProblems,
): Map<string, SourceLesson> {
  const english = new Map(lessons.filter((l) => l.locale === defaultLocale).map((l) => [l.relPath, l]));
  const seenIds = new Map<string, string>();
  for (const lesson of english.values()) {
    const other = seenIds.get(lesson.front.id);
    if (other) problems.add(lesson.file, `lesson id "${lesson.front.id}" is already used by ${other}`);
    seenIds.set(lesson.front.id, lesson.file);
  }
  for (const lesson of lessons) {
    if (lesson.locale === defaultLocale) continue;
    const twin = english.get(lesson.relPath);
    if (!twin) {
      problems.add(lesson.file, `no English twin: expected content/${defaultLocale}/${lesson.relPath}`);
    } else if (twin.front.id !== lesson.front.id) {
      problems.add(
        lesson.file,
        `field "id" is "${lesson.front.id}" but its English twin's is "${twin.front.id}"`,
      );
    } else if (twin.front.scenario !== lesson.front.scenario) {
      problems.add(
        lesson.file,
        `field "scenario" must match its English twin's ("${twin.front.scenario ?? ''}")`,
      );
    }
  }
  for (const [chapterDir, titles] of chapterTitles) {
    if (!titles[defaultLocale]) {
      problems.add(`content/${Object.keys(titles)[0]}/${chapterDir}`, 'no English twin for this chapter');
    }
  }

  return english;
}

/** A translation asks the same tasks, runs the same simulators and has as many quiz questions. */
export function checkTranslationsAskTheSame(
  lessons: SourceLesson[],
  english: Map<string, SourceLesson>,
  interactiveByFile: Map<string, Interactive>,
  problems: ContentProblems,
): void {
  for (const lesson of lessons) {
    if (lesson.locale === defaultLocale) continue;
    const twin = english.get(lesson.relPath);
    const mine = interactiveByFile.get(lesson.absPath);
    const theirs = twin ? interactiveByFile.get(twin.absPath) : undefined;
    if (!mine || !theirs) continue;
    if (mine.taskIds.join() !== theirs.taskIds.join())
      problems.add(
        lesson.file,
        `tasks [${mine.taskIds.join(', ')}] must match its English twin's [${theirs.taskIds.join(', ')}]`,
      );
    if (mine.simulators.join() !== theirs.simulators.join())
      problems.add(
        lesson.file,
        `simulator scenarios [${mine.simulators.join(', ')}] must match its English twin's [${theirs.simulators.join(', ')}]`,
      );
    if (mine.quizQuestions !== theirs.quizQuestions)
      problems.add(
        lesson.file,
        `${mine.quizQuestions} quiz questions; its English twin has ${theirs.quizQuestions}`,
      );
  }
}

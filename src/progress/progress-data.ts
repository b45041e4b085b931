/**
 * What a learner has done, as saved in the browser: per lesson, the tasks completed and the quiz
 * questions answered right. Versioned: data from an older version is migrated, anything unreadable
 * is replaced by empty progress with a notice — never a crash.
 */
export interface LessonProgress {
  /** Ids of the tasks whose goal was met. */
  tasks: string[];
  /** Quiz questions (0-based) answered right. */
  quiz: number[];
}

export interface Progress {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

export const currentVersion = 1;
export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });

export type ReadResult =
  | { ok: true; progress: Progress; migrated: boolean }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'newer-version' };

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length <= 200);
const isIndexArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= 0 && item < 100);
const isLessonId = (id: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);

function readLessons(value: unknown): Record<string, LessonProgress> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, entry] of Object.entries(value)) {
    if (!isLessonId(id) || entry === null || typeof entry !== 'object') return undefined;
    const { tasks = [], quiz = [] } = entry as Record<string, unknown>;
    if (!isStringArray(tasks) || !isIndexArray(quiz)) return undefined;
    lessons[id] = { tasks: [...new Set(tasks)], quiz: [...new Set(quiz)].sort((a, b) => a - b) };
  }
  return lessons;
}

/**
 * Reads saved or imported progress. Version 0 (before versioning: `{ "done": ["lesson-id", …] }`,
 * lessons only marked visited) is migrated to an empty record per lesson.
 */
export function readProgress(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, reason: 'not-progress' };
  const record = data as Record<string, unknown>;
  if (record.version === undefined && isStringArray(record.done)) {
    const lessons: Record<string, LessonProgress> = {};
    for (const id of record.done.filter(isLessonId)) lessons[id] = { tasks: [], quiz: [] };
    return { ok: true, progress: { version: 1, lessons }, migrated: true };
  }
  if (typeof record.version === 'number' && record.version > currentVersion)
    return { ok: false, reason: 'newer-version' };
  if (record.version !== 1) return { ok: false, reason: 'not-progress' };
  const lessons = readLessons(record.lessons);
  return lessons
    ? { ok: true, progress: { version: 1, lessons }, migrated: false }
    : { ok: false, reason: 'not-progress' };
}

export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress, null, 2);
}

export function withTask(progress: Progress, lesson: string, task: string): Progress {
  const entry = progress.lessons[lesson] ?? { tasks: [], quiz: [] };
  if (entry.tasks.includes(task)) return progress;
  return {
    ...progress,
    lessons: { ...progress.lessons, [lesson]: { ...entry, tasks: [...entry.tasks, task] } },
  };
}

export function withQuizAnswer(
  progress: Progress,
  lesson: string,
  question: number,
  correct: boolean,
): Progress {
  const entry = progress.lessons[lesson] ?? { tasks: [], quiz: [] };
  const has = entry.quiz.includes(question);
  if (has === correct) return progress;
  const quiz = correct
    ? [...entry.quiz, question].sort((a, b) => a - b)
    : entry.quiz.filter((q) => q !== question);
  return { ...progress, lessons: { ...progress.lessons, [lesson]: { ...entry, quiz } } };
}

/** A lesson is done when every task is done and every quiz question answered right. */
export function lessonDone(
  progress: Progress,
  lesson: { id: string; tasks: string[]; quizQuestions: number },
): boolean {
  const entry = progress.lessons[lesson.id];
  if (lesson.tasks.length === 0 && lesson.quizQuestions === 0) return false;
  if (!entry) return false;
  return (
    lesson.tasks.every((task) => entry.tasks.includes(task)) &&
    Array.from({ length: lesson.quizQuestions }, (_, i) => i).every((q) => entry.quiz.includes(q))
  );
}

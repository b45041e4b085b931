import type { Locale } from '../i18n/locales.ts';

/**
 * Lesson bodies are turned into this compact tree at build time, so the browser never ships a
 * markdown parser. A node is text, an element `[tag, props, ...children]`, or a directive
 * `[':name', attributes, ...children]` rendered through the directive registry.
 */
export type RenderNode = string | RenderElement;
export type RenderProps = Record<string, string | number | boolean>;
export type RenderElement = [tag: string, props: RenderProps | null, ...children: RenderNode[]];

export interface LessonHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** One lesson in one language, as its lazily loaded chunk exports it. */
export interface LessonDocument {
  body: RenderNode[];
  headings: LessonHeading[];
}

export interface LessonEntry {
  id: string;
  chapterId: string;
  minutes: number;
  scenario?: string;
  /** Ids of its "Try it" tasks, in order (progress is saved per task). */
  tasks: string[];
  /** How many quiz questions it asks. */
  quizQuestions: number;
  /** Scenarios of the lesson's live simulators ('' for the default cluster): loaded with the lesson. */
  simulators?: string[];
  /** Per locale; a locale without its own file falls back to English (`translated` says which). */
  title: Record<Locale, string>;
  summary: Record<Locale, string>;
  translated: Record<Locale, boolean>;
}

export interface ChapterEntry {
  id: string;
  title: Record<Locale, string>;
  lessonIds: string[];
}

/** The course outline, built from `content/` at build time. Small: it ships in the main bundle. */
export interface CourseManifest {
  chapters: ChapterEntry[];
  lessons: Record<string, LessonEntry>;
  /** Lesson ids in reading order. */
  order: string[];
}

import { z } from 'zod';

/** Lesson ids appear in URLs and saved progress, so they are kebab-case and never renamed. */
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits and single dashes)');

/** Front matter of `NN-lesson.md`. */
export const lessonFrontMatterSchema = z.strictObject({
  id: kebabId,
  title: z.string().trim().min(1, 'must not be empty'),
  summary: z.string().trim().min(1, 'must not be empty'),
  minutes: z.number().int('must be a whole number').positive('must be positive').max(120),
  scenario: kebabId.optional(),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** Front matter of `_chapter.md`. The chapter id comes from its folder name (`01-foundations`). */
export const chapterFrontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
});
export type ChapterFrontMatter = z.infer<typeof chapterFrontMatterSchema>;

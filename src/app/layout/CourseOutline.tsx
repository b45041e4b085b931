import { course } from 'virtual:course';
import { useLocale } from '../../i18n/locale-context.tsx';
import { preloadLesson } from '../../lessons/lesson-documents.ts';
import { lessonDone } from '../../progress/progress-data.ts';
import { useProgress } from '../../progress/progress-store.ts';
import { usePathname } from '../../routing/history.ts';
import { lessonPath, sandboxPath } from '../../routing/paths.ts';
import { Link } from '../../ui/Link.tsx';
import { ProgressTools } from './ProgressTools.tsx';

interface CourseOutlineProps {
  id: string;
  open: boolean;
  currentLessonId?: string;
}

/** Chapters and lessons in order, from `content/`. On small screens it is a panel behind a button. */
export function CourseOutline({ id, open, currentLessonId }: CourseOutlineProps) {
  const { locale, t } = useLocale();
  const currentPath = usePathname();
  const { progress } = useProgress();
  return (
    <nav id={id} className="outline" data-open={open} aria-label={t.courseOutline}>
      <ol className="outline-chapters">
        {course.chapters.map((chapter, chapterIndex) => (
          <li key={chapter.id}>
            <p className="outline-chapter" id={`outline-chapter-${chapter.id}`}>
              <span className="outline-chapter-number" aria-hidden="true">
                {chapterIndex + 1}
              </span>
              {chapter.title[locale]}
            </p>
            <ol className="outline-lessons" aria-labelledby={`outline-chapter-${chapter.id}`}>
              {chapter.lessonIds.map((lessonId) => {
                const lesson = course.lessons[lessonId];
                if (!lesson) return null;
                const current = lessonId === currentLessonId;
                return (
                  <li key={lessonId}>
                    <Link
                      href={lessonPath(locale, lessonId)}
                      aria-current={current ? 'page' : undefined}
                      className="outline-lesson"
                      onIntent={() => preloadLesson(locale, lessonId)}
                    >
                      <span className="outline-lesson-title">{lesson.title[locale]}</span>
                      {lessonDone(progress, lesson) ? (
                        <span className="outline-done">
                          <span aria-hidden="true">✔</span>
                          <span className="visually-hidden">{t.lessonDone}</span>
                        </span>
                      ) : null}
                      <span className="outline-lesson-minutes">{t.minutesShort(lesson.minutes)}</span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
      <p className="outline-extra">
        <Link
          href={sandboxPath(locale)}
          className="outline-lesson"
          aria-current={currentPath === sandboxPath(locale) ? 'page' : undefined}
        >
          <span className="outline-lesson-title">{t.sandboxLink}</span>
        </Link>
      </p>
      <ProgressTools />
    </nav>
  );
}

import { course } from 'virtual:course';
import { useRef } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { LessonIdContext } from '../../lessons/lesson-context.tsx';
import { preloadLesson, useLessonDocument } from '../../lessons/lesson-documents.ts';
import { RenderTree } from '../../lessons/RenderTree.tsx';
import { LessonPager } from './LessonPager.tsx';
import { OnThisPage } from './OnThisPage.tsx';
import { usePageFocus } from './use-page-focus.ts';

export function LessonPage({ lessonId }: { lessonId: string }) {
  const { locale, t } = useLocale();
  const lesson = course.lessons[lessonId];
  const state = useLessonDocument(locale, lessonId);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageFocus(heading, lesson?.title[locale] ?? '', state.status !== 'loading');
  if (!lesson) return null;
  const chapter = course.chapters.find((candidate) => candidate.id === lesson.chapterId);
  const chapterNumber = chapter ? course.chapters.indexOf(chapter) + 1 : 0;

  return (
    <div className="lesson-layout">
      <article className="lesson" aria-labelledby="lesson-title">
        <header className="lesson-header">
          <p className="lesson-eyebrow">
            {t.chapterLabel} {chapterNumber} · {chapter?.title[locale]}
          </p>
          <h1 id="lesson-title" ref={heading} tabIndex={-1}>
            {lesson.title[locale]}
          </h1>
          <p className="lesson-summary">{lesson.summary[locale]}</p>
          <p className="lesson-meta">
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <path
                d="M8 4.5V8l2.5 1.6"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
                strokeLinecap="round"
              />
            </svg>
            {t.minutesLong(lesson.minutes)}
          </p>
        </header>
        {!lesson.translated[locale] && (
          <p className="notice" role="note">
            {t.untranslatedNotice}
          </p>
        )}
        <div className="lesson-body" lang={lesson.translated[locale] ? undefined : 'en'}>
          {state.status === 'ready' && (
            <LessonIdContext value={lessonId}>
              <RenderTree nodes={state.document.body} />
            </LessonIdContext>
          )}
          {state.status === 'loading' && (
            <p className="loading" role="status">
              {t.loadingLesson}
            </p>
          )}
          {state.status === 'error' && (
            <div className="notice notice-error" role="alert">
              <p>{t.lessonLoadFailed}</p>
              <button type="button" className="button" onClick={state.retry}>
                {t.retry}
              </button>
            </div>
          )}
        </div>
        <LessonPager lessonId={lessonId} onIntent={(id) => preloadLesson(locale, id)} />
      </article>
      {state.status === 'ready' && state.document.headings.length > 1 && (
        <OnThisPage headings={state.document.headings} />
      )}
    </div>
  );
}

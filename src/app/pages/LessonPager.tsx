import { course } from 'virtual:course';
import { useLocale } from '../../i18n/locale-context.tsx';
import { lessonPath } from '../../routing/paths.ts';
import { Link } from '../../ui/Link.tsx';
import { neighbours } from '../routes.ts';

/** Previous / next lesson, with their titles, at the end of every lesson. */
export function LessonPager({
  lessonId,
  onIntent,
}: {
  lessonId: string;
  onIntent: (lessonId: string) => void;
}) {
  const { locale, t } = useLocale();
  const { previous, next } = neighbours(course, lessonId);
  const card = (id: string | undefined, direction: 'previous' | 'next') => {
    const lesson = id ? course.lessons[id] : undefined;
    if (!id || !lesson) return <span />;
    return (
      <Link
        href={lessonPath(locale, id)}
        className={`pager-link pager-${direction}`}
        rel={direction === 'next' ? 'next' : 'prev'}
        onIntent={() => onIntent(id)}
      >
        <span className="pager-direction">
          {direction === 'previous' ? `← ${t.previousLesson}` : `${t.nextLesson} →`}
        </span>
        <span className="pager-title">{lesson.title[locale]}</span>
      </Link>
    );
  };
  return (
    <nav className="pager" aria-label={t.lessonNavigation}>
      {card(previous, 'previous')}
      {card(next, 'next')}
    </nav>
  );
}

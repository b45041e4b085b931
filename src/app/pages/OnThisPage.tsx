import { useLocale } from '../../i18n/locale-context.tsx';
import type { LessonHeading } from '../../lessons/course-types.ts';

/** The lesson's sections, beside the text on wide screens. */
export function OnThisPage({ headings }: { headings: LessonHeading[] }) {
  const { t } = useLocale();
  return (
    <nav className="toc" aria-label={t.onThisPage}>
      <p className="toc-title" aria-hidden="true">
        {t.onThisPage}
      </p>
      <ul>
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

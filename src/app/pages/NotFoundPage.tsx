import { course } from 'virtual:course';
import { useRef } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { lessonPath } from '../../routing/paths.ts';
import { Link } from '../../ui/Link.tsx';
import { usePageFocus } from './use-page-focus.ts';

export function NotFoundPage({ path }: { path: string }) {
  const { locale, t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageFocus(heading, t.notFoundTitle, true);
  return (
    <div className="not-found">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t.notFoundTitle}
      </h1>
      <p>{t.notFoundBody(path)}</p>
      <p>
        <Link className="button" href={lessonPath(locale, course.order[0] ?? '')}>
          {t.notFoundHome}
        </Link>
      </p>
    </div>
  );
}

import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { usePathname } from '../../routing/history.ts';
import { CourseOutline } from './CourseOutline.tsx';
import { Header } from './Header.tsx';

const outlineId = 'course-outline';

/** Skip link, header, the course outline (a collapsible panel on small screens) and the page. */
export function Layout({ currentLessonId, children }: { currentLessonId?: string; children: ReactNode }) {
  const { locale, t } = useLocale();
  const pathname = usePathname();
  // The phone-sized outline is open on the page where it was opened: going to a new page closes it.
  const [outlineOpenOn, setOutlineOpenOn] = useState<string | null>(null);
  const outlineOpen = outlineOpenOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);

  // Escape closes the open panel from anywhere (it covers the page) and gives focus back to the
  // button that opened it, unless something inside used the key itself.
  useEffect(() => {
    if (!outlineOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOutlineOpenOn(null);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [outlineOpen]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header
        outlineId={outlineId}
        outlineOpen={outlineOpen}
        toggleRef={toggle}
        onToggleOutline={() => setOutlineOpenOn(outlineOpen ? null : pathname)}
      />
      <div className="shell">
        <CourseOutline id={outlineId} open={outlineOpen} currentLessonId={currentLessonId} />
        <main id="main" tabIndex={-1} className="main">
          {children}
        </main>
      </div>
      <footer className="footer">
        <p>
          {t.footerText}{' '}
          <a href="https://kubernetes.io/docs/" target="_blank" rel="noopener noreferrer">
            {t.kubernetesDocs}
            <span className="visually-hidden">{` ${t.opensInNewTab}`}</span>
          </a>
        </p>
      </footer>
    </>
  );
}

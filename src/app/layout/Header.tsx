import { course } from 'virtual:course';
import type { Ref } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { localeNames, locales } from '../../i18n/locales.ts';
import { saveLocale } from '../../i18n/preferred-locale.ts';
import { usePathname } from '../../routing/history.ts';
import { lessonPath, sandboxPath } from '../../routing/paths.ts';
import { Link } from '../../ui/Link.tsx';
import { useTheme } from '../theme.ts';

interface HeaderProps {
  outlineId: string;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  /** The outline's toggle, for focus to come back to when the panel closes. */
  toggleRef?: Ref<HTMLButtonElement>;
}

export function Header({ outlineId, outlineOpen, onToggleOutline, toggleRef }: HeaderProps) {
  const { locale, t } = useLocale();
  const [theme, toggleTheme] = useTheme();
  const pathname = usePathname();
  const otherLocales = locales.filter((candidate) => candidate !== locale);

  /** The same page in another language: swap the locale segment of the path. */
  const pathIn = (target: string) => {
    const [, , ...rest] = pathname.split('/');
    return rest.length > 0 ? `/${target}/${rest.join('/')}` : `/${target}`;
  };

  return (
    <header className="header">
      <button
        ref={toggleRef}
        type="button"
        className="icon-button outline-toggle"
        aria-expanded={outlineOpen}
        aria-controls={outlineId}
        onClick={onToggleOutline}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{outlineOpen ? t.hideOutline : t.showOutline}</span>
      </button>
      <Link className="brand" href={lessonPath(locale, course.order[0] ?? '')} aria-label={t.homeLink}>
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 2.5 28 8.3v15.4L16 29.5 4 23.7V8.3L16 2.5Z" className="brand-hex" />
          <ellipse cx="16" cy="11.5" rx="6.5" ry="2.6" className="brand-disk" />
          <path d="M9.5 11.5v9c0 1.4 2.9 2.6 6.5 2.6s6.5-1.2 6.5-2.6v-9" className="brand-disk" />
          <path d="M9.5 16c0 1.4 2.9 2.6 6.5 2.6s6.5-1.2 6.5-2.6" className="brand-disk" />
        </svg>
        <span className="brand-name">{t.productName}</span>
      </Link>
      <div className="header-actions">
        <Link
          className="language-link header-sandbox-link"
          href={sandboxPath(locale)}
          aria-current={pathname === sandboxPath(locale) ? 'page' : undefined}
        >
          {t.sandboxLink}
        </Link>
        {otherLocales.map((target) => (
          <Link
            key={target}
            className="language-link"
            href={pathIn(target)}
            hrefLang={target}
            onClick={() => saveLocale(target)}
          >
            <span className="visually-hidden">{`${t.languageSwitchLabel}: `}</span>
            <span lang={target}>{localeNames[target]}</span>
          </Link>
        ))}
        <button
          type="button"
          className="icon-button"
          onClick={toggleTheme}
          aria-label={theme === 'dark' ? t.themeToLight : t.themeToDark}
        >
          {theme === 'dark' ? (
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <circle cx="10" cy="10" r="3.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path
                d="M10 1.8v2M10 16.2v2M1.8 10h2M16.2 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            </svg>
          ) : (
            <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path
                d="M15.5 12.6A6.5 6.5 0 0 1 7.4 4.5a6.5 6.5 0 1 0 8.1 8.1Z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
          )}
        </button>
      </div>
    </header>
  );
}

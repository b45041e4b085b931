import { useRef } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { LazySimulator } from '../../simulator/LazySimulator.tsx';
import { usePageFocus } from './use-page-focus.ts';

/** `/<locale>/sandbox`: the default cluster of the command language, full width. */
export function SandboxPage() {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageFocus(heading, t.sandboxTitle, true);
  return (
    <div className="sandbox-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.sandboxTitle}
      </h1>
      <p>{t.sandboxIntro}</p>
      <LazySimulator variant="page" />
    </div>
  );
}

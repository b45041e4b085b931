import { useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { decodeSetup, shareParam } from '../../routing/share-link.ts';
import { LazySimulator } from '../../simulator/LazySimulator.tsx';
import { usePageFocus } from './use-page-focus.ts';

/** The setup script of a share link, or why it could not be read. */
function linkedSetup(): { script?: string; problem?: 'encoding' | 'too-long' | 'empty' } {
  const param = new URLSearchParams(window.location.search).get(shareParam);
  if (param === null) return {};
  const decoded = decodeSetup(param);
  return decoded.ok ? { script: decoded.script } : { problem: decoded.reason };
}

/** `/<locale>/sandbox`: the default cluster of the command language, full width. */
export function SandboxPage() {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageFocus(heading, t.sandboxTitle, true);
  const [linked] = useState(linkedSetup);
  return (
    <div className="sandbox-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.sandboxTitle}
      </h1>
      <p>{linked.script ? t.sandboxShared : t.sandboxIntro}</p>
      {linked.problem ? (
        <p className="notice notice-error" role="alert">
          {t.shareLinkBroken(linked.problem)}
        </p>
      ) : null}
      <LazySimulator variant="page" {...(linked.script ? { setup: linked.script } : {})} />
    </div>
  );
}

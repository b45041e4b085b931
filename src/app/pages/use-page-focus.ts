import { type RefObject, useEffect } from 'react';

let firstPage = true;

/**
 * After an in-app navigation, move focus to the new page's heading (screen readers announce it,
 * keyboard users continue from there) and scroll to the top or to the URL's #anchor. The first
 * page of a visit keeps the browser's own behaviour.
 */
export function usePageFocus(heading: RefObject<HTMLElement | null>, title: string, ready: boolean): void {
  useEffect(() => {
    document.title = `${title} · Kube Volume Lab`;
  }, [title]);

  useEffect(() => {
    if (!ready) return;
    const anchorId = decodeURIComponent(window.location.hash.slice(1));
    const anchor = anchorId ? document.getElementById(anchorId) : null;
    if (firstPage) {
      firstPage = false;
      anchor?.scrollIntoView();
      return;
    }
    if (anchor) {
      anchor.scrollIntoView();
      anchor.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
      heading.current?.focus({ preventScroll: true });
    }
  }, [heading, ready]);
}

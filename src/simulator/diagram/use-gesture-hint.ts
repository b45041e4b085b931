import { type TouchEvent, useCallback, useEffect, useRef, useState, type WheelEvent } from 'react';

export type GestureHint = 'wheel' | 'touch' | undefined;

const shownFor = 3000;

/** On the canvas itself, not on a diagram item (the pane holds the items too). */
function onEmptyCanvas(target: EventTarget | null): boolean {
  const element = target as Element | null;
  return Boolean(element?.closest?.('.react-flow__pane') && !element.closest('.react-flow__node'));
}

/**
 * Cooperative gestures, as embedded maps have them: a plain wheel or a one-finger swipe over the
 * diagram scrolls the page, and the first time someone tries it, a hint says how to zoom or pan
 * (Ctrl/⌘ + wheel, two fingers). The hint hides itself after a few seconds.
 */
export function useGestureHint() {
  const [hint, setHint] = useState<GestureHint>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((kind: GestureHint) => {
    setHint(kind);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setHint(undefined), shownFor);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onWheel = useCallback(
    (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) show('wheel');
    },
    [show],
  );
  const onTouchMove = useCallback(
    (event: TouchEvent) => {
      // A finger on a pod drags it; only a swipe over the empty canvas is a page scroll.
      if (event.touches.length === 1 && onEmptyCanvas(event.target)) show('touch');
    },
    [show],
  );
  return { hint, onWheel, onTouchMove };
}

/**
 * A single finger on the empty canvas belongs to the page: React Flow's pan handler (d3-zoom,
 * listening below this element) never sees that touch, so the browser scrolls (the pane allows
 * `touch-action: pan-y`). A finger on a pod still drags it; two fingers still pan and pinch.
 */
export function useOneFingerScroll() {
  const cleanup = useRef<(() => void) | undefined>(undefined);
  return useCallback((element: HTMLDivElement | null) => {
    cleanup.current?.();
    cleanup.current = undefined;
    if (!element) return;
    const onTouchStart = (event: globalThis.TouchEvent) => {
      if (event.touches.length === 1 && onEmptyCanvas(event.target)) event.stopPropagation();
    };
    element.addEventListener('touchstart', onTouchStart, { capture: true, passive: true });
    cleanup.current = () => element.removeEventListener('touchstart', onTouchStart, { capture: true });
  }, []);
}

import { type RefObject, useEffect } from 'react';
import { type SimStore, selectPoint } from '../store/sim-store.ts';
import { podId } from './model/ids.ts';

/** How many frames a drawn item may take to become focusable (React Flow measures it first). */
const retryFrames = 10;

/** The diagram item drawn for `id` now: itself, or a moved pod's replacement. */
function itemElement(container: HTMLElement, store: SimStore, id: string): HTMLElement | null {
  const consequence = selectPoint(store.getState()).consequence;
  const replacement =
    consequence?.replacement && id === podId(consequence.namespace, consequence.pod)
      ? podId(consequence.namespace, consequence.replacement)
      : id;
  return container.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(replacement)}"]`);
}

/**
 * Keeps keyboard focus inside the simulator when the element that had it goes away — a dragged or
 * moved pod is redrawn as its replacement, the playback bar closes, an action re-draws the item
 * whose dialog it was. Focus goes to the same diagram item again (or the moved pod's replacement)
 * as soon as that is drawn, and meanwhile to the simulator itself, so that its shortcuts (Ctrl+Z,
 * the step keys) still reach it; so does a press anywhere inside that focuses nothing (the canvas).
 * Focus the learner moved elsewhere, inside or outside, stays there.
 *
 * `follow` is the diagram item focus belongs to; the simulator's code may set it too (the opener
 * of a dialog that just closed).
 */
export function useFocusKeeper(
  store: SimStore,
  root: RefObject<HTMLElement | null>,
  follow: RefObject<string | undefined>,
) {
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    // The element inside that last had focus, while focus has not left the simulator on purpose.
    let last: HTMLElement | null = null;
    let frame = 0;
    let retries = 0;
    const restore = () => {
      const active = document.activeElement;
      const lost = !active || active === document.body;
      // Focus fell to the page without its element going away: the learner left (or never came).
      if (lost && (!last || last.isConnected)) return;
      if (!lost && active !== container) return;
      const element = follow.current ? itemElement(container, store, follow.current) : null;
      element?.focus();
      if (element && document.activeElement === element) return;
      if (lost) container.focus({ preventScroll: true });
      // Still waiting for the item: it may be drawn (and focusable) in a frame or two.
      if (follow.current && retries++ < retryFrames) frame = requestAnimationFrame(restore);
    };
    const later = () => {
      cancelAnimationFrame(frame);
      retries = 0;
      frame = requestAnimationFrame(restore);
    };
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      last = element;
      if (element === container) return;
      follow.current = element.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !container.contains(next)) {
        last = null;
        follow.current = undefined;
      } else if (!next) later();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!container.contains(event.target as Node)) {
        last = null;
        follow.current = undefined;
        return;
      }
      // A press on the canvas focuses nothing (React Flow takes the mouse down): the simulator
      // takes focus then, unless the press focused something inside.
      setTimeout(() => {
        if (!container.contains(document.activeElement)) container.focus({ preventScroll: true });
      });
    };
    container.addEventListener('focusin', onFocusIn);
    container.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    const unsubscribe = store.subscribe(later);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      container.removeEventListener('focusin', onFocusIn);
      container.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [store, root, follow]);
}

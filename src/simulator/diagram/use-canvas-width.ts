import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The canvas's width in CSS pixels, followed as it changes (a rotated phone, a resized window,
 * browser zoom: the diagram lays itself out again instead of shrinking). Undefined until measured.
 */
export function useCanvasWidth(): [number | undefined, (element: HTMLDivElement | null) => void] {
  const [width, setWidth] = useState<number | undefined>(undefined);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element) return;
    const measure = () => {
      // A canvas not laid out yet (or jsdom, which lays out nothing) reads 0: assume a desktop.
      const measured = Math.round(element.getBoundingClientRect().width) || 1200;
      setWidth((current) => (current === measured ? current : measured));
    };
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      observer.current = new ResizeObserver(measure);
      observer.current.observe(element);
    }
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [width, ref];
}

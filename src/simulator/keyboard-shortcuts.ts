import type { KeyboardEvent } from 'react';
import type { SimStore } from '../store/sim-store.ts';

/** Input types that take no typed text (their keys are not the browser's text editing). */
const notText = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** A field where the browser's own text editing (and its undo) applies. */
export function isTextField(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && !notText.has(element.type);
}

/** The letter of a key, also on layouts that do not type Latin letters (then by its position). */
function letterOf(event: KeyboardEvent): string | undefined {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : undefined;
}

/** Ctrl+Z (⌘Z) undoes; Ctrl+Shift+Z (⌘⇧Z) and Ctrl+Y redo. Whether the key was one of them. */
function undoRedo(event: KeyboardEvent, store: SimStore): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  const letter = letterOf(event);
  if (letter === 'z' && !event.shiftKey) store.getState().undo();
  else if ((letter === 'z' && event.shiftKey) || (letter === 'y' && event.ctrlKey && !event.shiftKey))
    store.getState().redo();
  else return false;
  return true;
}

/**
 * PageDown, → and Space show a step-by-step move's next stage — but not where the key already
 * means something: → in a list box, Space on a button, link or check box (it presses it), and
 * keys a diagram item handled itself (Space opens its actions).
 */
function nextStageKey(event: KeyboardEvent, store: SimStore): boolean {
  const { speed, playing } = store.getState();
  if (speed !== 'step' || !playing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
  const target = event.target as HTMLElement;
  const inSelect = target.closest('select') !== null;
  const pressable = target.closest('button, a[href], summary, input, select') !== null;
  const steps =
    event.key === 'PageDown'
      ? !inSelect
      : event.key === 'ArrowRight'
        ? !inSelect && !(target instanceof HTMLInputElement)
        : event.key === ' '
          ? !pressable
          : false;
  if (!steps) return false;
  store.getState().nextStage();
  return true;
}

/**
 * The simulator's keyboard shortcuts, heard on its root element: keys bubble there from whatever
 * inside has focus. A text field keeps its keys (the console's own undo, typing a space).
 */
export function simulatorKeyDown(event: KeyboardEvent, store: SimStore): void {
  if (event.defaultPrevented || event.nativeEvent.isComposing || isTextField(event.target)) return;
  if (undoRedo(event, store) || nextStageKey(event, store)) event.preventDefault();
}

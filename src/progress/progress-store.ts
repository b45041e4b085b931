import { useSyncExternalStore } from 'react';
import { safeStorage } from '../lib/safe-storage.ts';
import {
  emptyProgress,
  type Progress,
  type ReadResult,
  readProgress,
  withQuizAnswer,
  withTask,
  writeProgress,
} from './progress-data.ts';

const storageKey = 'kube-volume-lab:progress';

/** Why the saved progress was set aside at load, for a one-time notice. */
export type LoadNotice = 'reset' | 'migrated' | undefined;

interface State {
  progress: Progress;
  notice: LoadNotice;
}

let state: State | undefined;
const listeners = new Set<() => void>();

function load(): State {
  const saved = safeStorage.get(storageKey);
  if (saved === null) return { progress: emptyProgress(), notice: undefined };
  const read = readProgress(saved);
  if (!read.ok) {
    // Keep the unreadable data aside instead of destroying it, then start fresh.
    safeStorage.set(`${storageKey}:unreadable`, saved);
    safeStorage.set(storageKey, writeProgress(emptyProgress()));
    return { progress: emptyProgress(), notice: 'reset' };
  }
  if (read.migrated) safeStorage.set(storageKey, writeProgress(read.progress));
  return { progress: read.progress, notice: read.migrated ? 'migrated' : undefined };
}

function current(): State {
  state ??= load();
  return state;
}

function update(progress: Progress, notice: LoadNotice = current().notice): void {
  if (progress === current().progress && notice === current().notice) return;
  state = { progress, notice };
  safeStorage.set(storageKey, writeProgress(progress));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useProgress(): State {
  return useSyncExternalStore(subscribe, current, current);
}

export const progressActions = {
  completeTask(lesson: string, task: string): void {
    update(withTask(current().progress, lesson, task));
  },
  answerQuestion(lesson: string, question: number, correct: boolean): void {
    update(withQuizAnswer(current().progress, lesson, question, correct));
  },
  reset(): void {
    update(emptyProgress(), undefined);
  },
  dismissNotice(): void {
    update(current().progress, undefined);
  },
  export(): string {
    return writeProgress(current().progress);
  },
  /** Replaces progress with an exported file's; on bad input nothing changes. */
  import(text: string): ReadResult {
    const read = readProgress(text);
    if (read.ok) update(read.progress, undefined);
    return read;
  },
};

/** For tests: forget the loaded state so the next read comes from storage again. */
export function reloadProgressForTests(): void {
  state = undefined;
}

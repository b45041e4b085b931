import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { useLocale } from '../i18n/locale-context.tsx';
import type { SimState, SimStore } from '../store/sim-store.ts';
import { type SimMessages, simEn } from './i18n/en.ts';
import { simKo } from './i18n/ko.ts';

const StoreContext = createContext<SimStore | undefined>(undefined);

/** Gives the components below one simulator's store (each simulator on a page has its own). */
export function SimStoreProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

export function useSimStore(): SimStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSimStore must be used inside a SimStoreProvider');
  return store;
}

/** Subscribes to one slice of this simulator's state (re-renders only when it changes). */
export function useSim<T>(selector: (state: SimState) => T): T {
  return useStore(useSimStore(), selector);
}

const messages = { en: simEn, ko: simKo } as const;

export function useSimText(): SimMessages {
  return messages[useLocale().locale];
}

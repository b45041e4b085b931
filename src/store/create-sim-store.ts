import { engine } from '../sim/engine.ts';
import { createSimStoreWith, type SimStore, type SimStoreOptions } from './sim-store.ts';

export * from './sim-store.ts';

/**
 * A simulator store with the engine loaded up front (tests, the headless runner, any code that
 * can afford the engine at once). The browser uses `createSimStoreWith` and loads it on demand.
 */
export function createSimStore(options: Omit<SimStoreOptions, 'engine' | 'loadEngine'> = {}): SimStore {
  return createSimStoreWith({ ...options, engine });
}

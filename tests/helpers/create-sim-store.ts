import { engine } from '../../src/sim/engine.ts';
import { createSimStoreWith, type SimStore, type SimStoreOptions } from '../../src/store/sim-store.ts';

export * from '../../src/store/sim-store.ts';

/**
 * A simulator store with the engine loaded up front, for tests. The browser uses
 * `createSimStoreWith` and loads the engine on demand.
 */
export function createSimStore(options: Omit<SimStoreOptions, 'engine' | 'loadEngine'> = {}): SimStore {
  return createSimStoreWith({ ...options, engine });
}

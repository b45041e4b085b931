import type { ApiServer } from '../api/api-server.ts';

/**
 * A level-triggered controller: it looks at the whole current state and makes one round of
 * changes toward the desired state. The engine runs every controller until none changes anything.
 */
export type Controller = (api: ApiServer) => void;

/**
 * When a controller next needs to act on its own (a timeout expiring), as simulated ms. The
 * engine's `sim advance` stops at each such moment in order.
 */
export type Deadline = (api: ApiServer) => number | undefined;

import { z } from 'zod';
import { parseSelector } from '../sim/view.ts';

/**
 * The checks a challenge's goal is made of (`content/scenarios/<id>.yaml`, `goal:`). The one
 * definition: the build validates scenario files with it, and `goal.ts` derives its types from it.
 */
const fileTest = {
  /** `exists: false` checks the file is absent. */
  exists: z.boolean().optional(),
  /** The file holds this text. */
  contains: z.string().optional(),
};

const selector = z.string().refine((text) => !('error' in parseSelector(text)), {
  message: 'not a label selector (kubectl -l syntax: app=web,tier!=db)',
});

export const goalCheckSchema = z.union([
  /** An object, by kind and name: it exists (or, with `exists: false`, it does not), and a field equals a value. */
  z.strictObject({
    object: z.strictObject({ kind: z.string(), name: z.string(), namespace: z.string().optional() }),
    exists: z.boolean().optional(),
    /** A dotted path into the object, e.g. `status.phase`, `spec.nodeName`. */
    field: z.string().optional(),
    equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  }),
  /** How many pods (not being deleted) match a label selector, a node and a phase. */
  z.strictObject({
    pods: z.strictObject({
      selector: selector.optional(),
      node: z.string().optional(),
      phase: z.string().optional(),
    }),
    count: z.number().int().nonnegative(),
  }),
  /** A file as a pod's container sees it (through its mounts, else its own filesystem). */
  z.strictObject({
    file: z.strictObject({
      pod: z.string(),
      path: z.string(),
      container: z.string().optional(),
      namespace: z.string().optional(),
    }),
    ...fileTest,
  }),
  /** A file on a node's own disk (hostPath data, local volumes). */
  z.strictObject({ nodeFile: z.strictObject({ node: z.string(), path: z.string() }), ...fileTest }),
]);

export const goalSchema = z.array(goalCheckSchema).min(1);

import { z } from 'zod';

const fileTest = { exists: z.boolean().optional(), contains: z.string().optional() };
const goalCheck = z.union([
  z.strictObject({
    object: z.strictObject({ kind: z.string(), name: z.string(), namespace: z.string().optional() }),
    exists: z.boolean().optional(),
    field: z.string().optional(),
    equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  }),
  z.strictObject({
    pods: z.strictObject({
      selector: z.string().optional(),
      node: z.string().optional(),
      phase: z.string().optional(),
    }),
    count: z.number().int().nonnegative(),
  }),
  z.strictObject({
    file: z.strictObject({
      pod: z.string(),
      path: z.string(),
      container: z.string().optional(),
      namespace: z.string().optional(),
    }),
    ...fileTest,
  }),
  z.strictObject({ nodeFile: z.strictObject({ node: z.string(), path: z.string() }), ...fileTest }),
]);

/**
 * A scenario file, `content/scenarios/<id>.yaml`: language-neutral, in the command language of
 * the simulator. `setup` builds the starting cluster; `goal` and `solution` describe a challenge
 * (checked in CI by replaying the solution from the setup).
 */
export const scenarioSchema = z
  .strictObject({
    /** What the scenario sets up, for authors (learners read the lesson). */
    description: z.string().trim().min(1).optional(),
    setup: z.string(),
    /** Checks that must all hold once the learner is done (see src/scenarios/goal.ts). */
    goal: z.array(goalCheck).min(1).optional(),
    /** What a learner would type on a real cluster to reach the goal; CI replays it. */
    solution: z.string().optional(),
  })
  .refine((s) => (s.goal === undefined) === (s.solution === undefined), {
    message: 'a challenge needs both a goal and a solution (or neither)',
  });
export type Scenario = z.infer<typeof scenarioSchema>;

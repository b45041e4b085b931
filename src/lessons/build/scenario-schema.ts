import { z } from 'zod';
import { goalSchema } from '../../scenarios/goal-schema.ts';

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
    goal: goalSchema.optional(),
    /** What a learner would type on a real cluster to reach the goal; CI replays it. */
    solution: z.string().optional(),
  })
  .refine((s) => (s.goal === undefined) === (s.solution === undefined), {
    message: 'a challenge needs both a goal and a solution (or neither)',
  });
export type Scenario = z.infer<typeof scenarioSchema>;

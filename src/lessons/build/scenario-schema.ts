import { z } from 'zod';

/**
 * A scenario file, `content/scenarios/<id>.yaml`: language-neutral, in the command language of
 * the simulator. `setup` builds the starting cluster; `goal` and `solution` describe a challenge
 * (checked in CI by replaying the solution from the setup).
 */
export const scenarioSchema = z.strictObject({
  /** What the scenario sets up, for authors (learners read the lesson). */
  description: z.string().trim().min(1).optional(),
  setup: z.string(),
  goal: z.array(z.record(z.string(), z.unknown())).optional(),
  solution: z.string().optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { ContentError } from './content-error.ts';
import { type Scenario, scenarioSchema } from './scenario-schema.ts';

export interface LoadedScenario {
  id: string;
  absPath: string;
  scenario: Scenario;
}

const scenarioFilePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

/** Reads and validates `content/scenarios/*.yaml`; problems are collected, not thrown. */
export function loadScenarios(
  contentDir: string,
  projectRoot: string,
  errors: ContentError[],
): Map<string, LoadedScenario> {
  const dir = join(contentDir, 'scenarios');
  const scenarios = new Map<string, LoadedScenario>();
  if (!existsSync(dir)) return scenarios;
  for (const name of readdirSync(dir).sort()) {
    const absPath = join(dir, name);
    const file = relative(projectRoot, absPath).split(sep).join('/');
    const id = scenarioFilePattern.exec(name)?.[1];
    if (!id) {
      errors.push(new ContentError(file, 'scenario files are named <kebab-case-id>.yaml'));
      continue;
    }
    let raw: unknown;
    try {
      raw = parse(readFileSync(absPath, 'utf8'));
    } catch (error) {
      errors.push(new ContentError(file, `not valid YAML: ${(error as Error).message.split('\n')[0]}`));
      continue;
    }
    const result = scenarioSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push(new ContentError(file, `${issue.path.join('.') || 'scenario'}: ${issue.message}`));
      continue;
    }
    scenarios.set(id, { id, absPath, scenario: result.data });
  }
  return scenarios;
}

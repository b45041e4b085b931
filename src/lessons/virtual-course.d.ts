/** The module `contentPlugin` generates from `content/` (see src/lessons/build/content-plugin.ts). */
declare module 'virtual:course' {
  export const course: import('./course-types.ts').CourseManifest;
  /** `en/volumes` → a loader for that lesson's pre-rendered document (translated lessons only). */
  export const lessonLoaders: Record<
    string,
    () => Promise<{ default: import('./course-types.ts').LessonDocument }>
  >;
}

/** Scenario files of `content/scenarios/`, each a lazy chunk (see src/lessons/build/scenarios.ts). */
declare module 'virtual:scenarios' {
  export const scenarioLoaders: Record<
    string,
    () => Promise<{ default: import('./build/scenario-schema.ts').Scenario }>
  >;
}

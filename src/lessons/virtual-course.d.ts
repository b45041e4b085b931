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
  /** Each scenario with its starting cluster, computed at build time from its setup. */
  export const scenarioLoaders: Record<
    string,
    () => Promise<{
      default: import('./build/scenario-schema.ts').Scenario & {
        initial: import('../sim/view.ts').ClusterState;
      };
    }>
  >;
  /** The default cluster of the command language (the sandbox's start), built at build time. */
  export const loadDefaultCluster: () => Promise<{ default: import('../sim/view.ts').ClusterState }>;
}

import { relative, sep } from 'node:path';
import { ContentError } from './content-error.ts';
import { AggregateContentError } from './render-markdown.ts';

/**
 * Collects every content problem of a build, so an author sees them all at once instead of one
 * per run. `attempt` runs a step that may throw a content error and records it.
 */
export class ContentProblems {
  readonly errors: ContentError[] = [];

  constructor(private readonly projectRoot: string) {}

  /** A path as error messages show it: relative to the project, with forward slashes. */
  fileName(absPath: string): string {
    return relative(this.projectRoot, absPath).split(sep).join('/');
  }

  add(file: string, message: string, line?: number): void {
    this.errors.push(new ContentError(file, message, line));
  }

  attempt<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (error instanceof ContentError) this.errors.push(error);
      else if (error instanceof AggregateContentError) this.errors.push(...error.errors);
      else throw error;
      return undefined;
    }
  }
}

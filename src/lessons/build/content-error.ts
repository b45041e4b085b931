/** A problem in `content/`: names the file (relative to the project) and, where known, the line. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ContentError';
  }
}

/** Several content problems reported at once, so an author fixes them in one pass. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`Invalid content:\n${errors.map((error) => `  - ${error.message}`).join('\n')}`);
    this.name = 'ContentErrors';
  }
}

import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './content-error.ts';

export interface SplitMarkdown {
  data: unknown;
  body: string;
  /** Line number (1-based) of the body's first line, so body errors can name file lines. */
  bodyStartLine: number;
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits `---` front matter from the markdown body and parses it as YAML. */
export function splitFrontMatter(source: string, file: string): SplitMarkdown {
  const match = fence.exec(source);
  if (!match) throw new ContentError(file, 'missing front matter (the file must start with a --- block)', 1);
  const yamlText = match[1] ?? '';
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = (firstError.linePos?.[0]?.line ?? 0) + 1;
    throw new ContentError(
      file,
      `front matter is not valid YAML: ${firstError.message.split('\n')[0]}`,
      line,
    );
  }
  const bodyStartLine = match[0].split('\n').length;
  return { data: doc.toJS(), body: source.slice(match[0].length), bodyStartLine };
}

/** Validates front matter; the error names the file and every bad field. */
export function validateFrontMatter<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(front matter)';
    if (issue.code === 'unrecognized_keys')
      return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `field "${field}" ${describeIssue(issue)}`;
  });
  throw new ContentError(file, `invalid front matter: ${problems.join('; ')}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

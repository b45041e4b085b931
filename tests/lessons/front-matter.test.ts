import { describe, expect, it } from 'vitest';
import { lessonFrontMatterSchema } from '../../src/lessons/build/front-matter-schema.ts';
import { splitFrontMatter, validateFrontMatter } from '../../src/lessons/build/parse-front-matter.ts';

const file = 'content/en/01-a/01-b.md';
const valid = { id: 'volumes', title: 'Volumes', summary: 'What a volume is.', minutes: 8 };

describe('lesson front matter', () => {
  it('accepts a complete lesson header, with or without a scenario', () => {
    expect(validateFrontMatter(lessonFrontMatterSchema, valid, file)).toEqual(valid);
    expect(
      validateFrontMatter(lessonFrontMatterSchema, { ...valid, scenario: 'empty-dir' }, file).scenario,
    ).toBe('empty-dir');
  });

  it.each([
    ['a missing field', { ...valid, title: undefined }, 'field "title" is required'],
    ['a non-kebab-case id', { ...valid, id: 'Empty_Dir' }, 'field "id" must be kebab-case'],
    ['minutes that are not a number', { ...valid, minutes: 'ten' }, 'field "minutes"'],
    ['negative minutes', { ...valid, minutes: -3 }, 'field "minutes" must be positive'],
    ['an unknown field', { ...valid, author: 'me' }, 'unknown field(s) "author"'],
    ['an empty summary', { ...valid, summary: '  ' }, 'field "summary" must not be empty'],
  ])('rejects %s, naming the file and the field', (_case, data, expected) => {
    expect(() => validateFrontMatter(lessonFrontMatterSchema, data, file)).toThrow(
      `${file}: invalid front matter`,
    );
    expect(() => validateFrontMatter(lessonFrontMatterSchema, data, file)).toThrow(expected);
  });
});

describe('splitting front matter from the body', () => {
  it('returns the data, the body and the line the body starts on', () => {
    const split = splitFrontMatter('---\nid: a\ntitle: A\n---\n\nHello\n', file);
    expect(split.data).toEqual({ id: 'a', title: 'A' });
    expect(split.body).toBe('\nHello\n');
    expect(split.bodyStartLine).toBe(5);
  });

  it('requires a front matter block', () => {
    expect(() => splitFrontMatter('# Title\n', file)).toThrow(`${file}:1: missing front matter`);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => splitFrontMatter('---\nid: a\ntitle: [unclosed\n---\nbody', file)).toThrow(
      /content\/en\/01-a\/01-b\.md:\d+: front matter is not valid YAML/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { ko } from '../../src/i18n/messages/ko.ts';
import { preferredLocale } from '../../src/i18n/preferred-locale.ts';

describe('the language a first visit gets', () => {
  it.each([
    ['a saved choice wins over the browser', 'en', ['ko-KR'], 'en'],
    ['the browser language when nothing is saved', null, ['ko-KR', 'en'], 'ko'],
    ['the first browser language we have', null, ['fr-FR', 'ko', 'en'], 'ko'],
    ['English when no browser language matches', null, ['fr-FR', 'de'], 'en'],
    ['the browser when the saved value is garbage', '{"corrupt', ['ko'], 'ko'],
  ] as const)('%s', (_case, saved, languages, expected) => {
    expect(preferredLocale(saved, languages)).toBe(expected);
  });
});

describe('UI messages', () => {
  it('has the same keys in every language (the type system checks this too)', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty Korean message', () => {
    for (const [key, value] of Object.entries(ko)) {
      const text = typeof value === 'function' ? value(3 as never) : value;
      expect(text.trim(), key).not.toBe('');
    }
  });
});

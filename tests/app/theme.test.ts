import { describe, expect, it } from 'vitest';
import { effectiveTheme } from '../../src/app/theme.ts';

describe('theme', () => {
  it.each([
    [null, false, 'light'],
    [null, true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['purple', true, 'dark'],
  ] as const)('saved %s, system dark %s → %s', (saved, systemDark, expected) => {
    expect(effectiveTheme(saved, systemDark)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../../src/sim/api/types.ts';
import {
  formatSelector,
  labelSelectorRequirements,
  matchesLabelSelector,
  matchesRequirements,
  parseSelector,
  type Requirement,
} from '../../../src/sim/lib/label-selector.ts';

const keyMessage = (key: string) =>
  `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
const valueDetail =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseSelector (kubectl -l)', () => {
  it.each<[string, Requirement[]]>([
    ['', []],
    ['   ', []],
    ['app=web', [{ key: 'app', operator: 'Equals', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'Equals', values: ['web'] }]],
    ['tier!=db', [{ key: 'tier', operator: 'NotEquals', values: ['db'] }]],
    ['app=', [{ key: 'app', operator: 'Equals', values: [''] }]],
    ['env in (prod, staging)', [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }]],
    ['env in (staging,prod,prod)', [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }]],
    ['env notin (dev)', [{ key: 'env', operator: 'NotIn', values: ['dev'] }]],
    ['env in ()', [{ key: 'env', operator: 'In', values: [''] }]],
    ['x in (in, notin)', [{ key: 'x', operator: 'In', values: ['in', 'notin'] }]],
    ['app', [{ key: 'app', operator: 'Exists', values: [] }]],
    ['!app', [{ key: 'app', operator: 'DoesNotExist', values: [] }]],
    ['app.kubernetes.io/name=web', [{ key: 'app.kubernetes.io/name', operator: 'Equals', values: ['web'] }]],
    [
      'tier=db, app = web,!legacy',
      [
        { key: 'app', operator: 'Equals', values: ['web'] },
        { key: 'legacy', operator: 'DoesNotExist', values: [] },
        { key: 'tier', operator: 'Equals', values: ['db'] },
      ],
    ],
    [
      'x in (foo,,baz),y,z notin ()',
      [
        { key: 'x', operator: 'In', values: ['', 'baz', 'foo'] },
        { key: 'y', operator: 'Exists', values: [] },
        { key: 'z', operator: 'NotIn', values: [''] },
      ],
    ],
  ])('parses %j (requirements sorted by key)', (text, requirements) => {
    expect(parseSelector(text)).toEqual({ requirements });
  });

  it.each([
    [
      'a word where an operator belongs',
      'app web',
      "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt",
    ],
    ['a set without parentheses', 'env in prod', "unable to parse requirement: found 'prod' expected: '('"],
    ['an unclosed set', 'env in (prod', "unable to parse requirement: found '', expected: ',' or ')'"],
    [
      'an operator inside a set',
      'env in (a=b)',
      "unable to parse requirement: found '=', expected: ',' or ')'",
    ],
    ['a trailing comma', 'app,', "found '', expected: identifier after ','"],
    ['a leading comma', ',app', "found ',', expected: !, identifier, or 'end of string'"],
    ['two words after a value', 'app=web x', "found 'x', expected: ',' or 'end of string'"],
    ['a value after !key', '!app=web', "found '=', expected: ',' or 'end of string'"],
    ['an operator after =', 'app==!', "unable to parse requirement: found '!', expected: identifier"],
    ['a missing key', '=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['an invalid key', '-app=web', keyMessage('-app')],
    [
      'an invalid value',
      'app=-web',
      `unable to parse requirement: values[0][app]: Invalid value: "-web": ${valueDetail}`,
    ],
    [
      'several invalid values',
      'app in (-a, -b)',
      `unable to parse requirement: [values[0][app]: Invalid value: "-a": ${valueDetail}, values[1][app]: Invalid value: "-b": ${valueDetail}]`,
    ],
    [
      'a numeric comparison, which the simulator does not support',
      'replicas>1',
      "unable to parse requirement: operator '>' (gt) is not supported here",
    ],
  ])('reports %s like kubectl', (_case, text, error) => {
    expect(parseSelector(text)).toEqual({ error });
  });
});

describe('matchesRequirements', () => {
  const labels = { app: 'web', tier: 'frontend' };
  const select = (text: string, target: Record<string, string> | undefined) => {
    const parsed = parseSelector(text);
    if ('error' in parsed) throw new Error(parsed.error);
    return matchesRequirements(target, parsed.requirements);
  };

  it.each([
    ['', true],
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['env!=prod', true], // an absent key satisfies != ...
    ['env notin (prod)', true], // ... and notin
    ['env in (prod)', false],
    ['tier in (frontend, backend)', true],
    ['tier notin (frontend)', false],
    ['app', true],
    ['env', false],
    ['!env', true],
    ['!app', false],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['app=', false],
  ])('%j on {app: web, tier: frontend} → %s', (text, expected) => {
    expect(select(text, labels)).toBe(expected);
  });

  it('treats missing labels as an empty set', () => {
    expect(select('!app', undefined)).toBe(true);
    expect(select('app!=web', undefined)).toBe(true);
    expect(select('app', undefined)).toBe(false);
  });

  it('does not mistake inherited object properties for labels or operators', () => {
    expect(select('constructor', {})).toBe(false);
    expect(select('toString=x', {})).toBe(false);
  });
});

describe('API LabelSelector', () => {
  const selector: LabelSelector = {
    matchLabels: { tier: 'db', app: 'web' },
    matchExpressions: [
      { key: 'env', operator: 'In', values: ['staging', 'prod'] },
      { key: 'legacy', operator: 'DoesNotExist' },
    ],
  };

  it('converts matchLabels and matchExpressions to requirements sorted by key', () => {
    expect(labelSelectorRequirements(selector)).toEqual([
      { key: 'app', operator: 'Equals', values: ['web'] },
      { key: 'env', operator: 'In', values: ['staging', 'prod'] },
      { key: 'legacy', operator: 'DoesNotExist', values: [] },
      { key: 'tier', operator: 'Equals', values: ['db'] },
    ]);
  });

  it.each<[string, Record<string, string> | undefined, LabelSelector | undefined, boolean]>([
    ['all requirements met', { app: 'web', tier: 'db', env: 'prod' }, selector, true],
    ['one expression failing', { app: 'web', tier: 'db', env: 'dev' }, selector, false],
    ['a DoesNotExist key present', { app: 'web', tier: 'db', env: 'prod', legacy: 'x' }, selector, false],
    ['an undefined selector, which matches everything', { app: 'web' }, undefined, true],
    ['an empty selector, which matches everything', undefined, {}, true],
    ['matchLabels against no labels', undefined, { matchLabels: { app: 'web' } }, false],
  ])('matchesLabelSelector with %s', (_case, labels, candidate, expected) => {
    expect(matchesLabelSelector(labels, candidate)).toBe(expected);
  });

  it.each<[string, LabelSelector, string]>([
    ['a full selector, as describe prints it', selector, 'app=web,env in (prod,staging),!legacy,tier=db'],
    ['matchLabels only', { matchLabels: { app: 'web' } }, 'app=web'],
    [
      'NotIn and Exists',
      {
        matchExpressions: [
          { key: 'b', operator: 'NotIn', values: ['x'] },
          { key: 'a', operator: 'Exists' },
        ],
      },
      'a,b notin (x)',
    ],
    ['an empty selector', {}, '<none>'],
    ['In without values', { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, '<error>'],
    ['an invalid key', { matchLabels: { '-a': 'b' } }, '<error>'],
  ])('formatSelector of %s', (_case, candidate, expected) => {
    expect(formatSelector(candidate)).toBe(expected);
  });
});

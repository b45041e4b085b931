import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { humanDuration, parseDuration } from '../../../src/sim/lib/duration.ts';
import { parseSelector } from '../../../src/sim/lib/label-selector.ts';
import { formatQuantity, parseQuantity, quantityPattern } from '../../../src/sim/lib/quantity.ts';
import { toKubectlJson, toKubectlYaml } from '../../../src/sim/lib/serialize.ts';

const selectorAlphabet = [...'abcxyz019-_./=!(), \t', 'in', 'notin', '==', '!=', '>'];
const selectorLike = fc
  .array(fc.constantFrom(...selectorAlphabet), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('quantity properties', () => {
  it('reads back every whole number of bytes it prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (bytes) => {
        expect(parseQuantity(formatQuantity(bytes))).toBe(bytes);
      }),
    );
  });

  it('prints k × 1024^p below 1024 in its binary form', () => {
    const suffixes = ['Ki', 'Mi', 'Gi', 'Ti'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1023 }), fc.integer({ min: 1, max: 4 }), (k, p) => {
        expect(formatQuantity(k * 1024 ** p)).toBe(`${k}${suffixes[p - 1]}`);
      }),
    );
  });

  it('prints only text matching the quantity pattern', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e30 }), (value) => {
        expect(formatQuantity(value)).toMatch(new RegExp(quantityPattern));
      }),
    );
  });

  it('never throws on arbitrary text, and returns only finite numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+0-9.eEinumkKMGTP ]{0,12}$/)), (text) => {
        const value = parseQuantity(text);
        if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
      }),
    );
  });
});

describe('label selector properties', () => {
  it('never throws: any text parses to requirements or to an error message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), selectorLike), (text) => {
        const result = parseSelector(text);
        if ('error' in result) expect(result.error.length).toBeGreaterThan(0);
        else expect(Array.isArray(result.requirements)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('duration properties', () => {
  it('parseDuration never throws and never returns a negative number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+0-9.hmsnuµ]{0,10}$/)), (text) => {
        const ms = parseDuration(text);
        if (ms !== undefined) expect(ms).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('humanDuration always prints one of the AGE shapes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e13, max: 1e13 }), (ms) => {
        expect(humanDuration(ms)).toMatch(/^(<invalid>|[0-9]+[smhdy]([0-9]+[smhd])?)$/);
      }),
    );
  });
});

/**
 * Read back with the `yaml` package's default YAML 1.2 core schema: go-yaml v2 quotes a superset of
 * what that schema would read as non-strings. (The package's YAML 1.1 schema is not used: it reads
 * `.` and `e0` as floats, where go-yaml and kubectl print them plain; the 1.1 words such as `yes`
 * are covered by the table in serialize.test.ts.)
 */
describe('serialize properties', () => {
  // Keys that a JS object cannot hold as plain data are not interesting here.
  const json = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"'));
  const withoutNegativeZero = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (_key, item) => (Object.is(item, -0) ? 0 : item));

  it('YAML output reads back as the same data (nothing left unquoted that changes type)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(parse(toKubectlYaml(value))).toEqual(withoutNegativeZero(value));
      }),
      { numRuns: 500 },
    );
  });

  it('YAML output reads back as the same strings, whatever they contain', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ maxLength: 200 }),
      selectorLike,
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(parse(toKubectlYaml({ v: value }))).toEqual({ v: value });
      }),
      { numRuns: 1000 },
    );
  });

  it('JSON output is valid JSON with the same data', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(withoutNegativeZero(JSON.parse(toKubectlJson(value)))).toEqual(withoutNegativeZero(value));
      }),
    );
  });
});

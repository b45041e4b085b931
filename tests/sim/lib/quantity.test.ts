import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity, quantityPattern } from '../../../src/sim/lib/quantity.ts';

const Ki = 1024;
const Mi = Ki * 1024;
const Gi = Mi * 1024;

describe('parseQuantity', () => {
  it.each([
    ['1Gi', Gi],
    ['512Mi', 512 * Mi],
    ['1.5Gi', 1.5 * Gi],
    ['10Ki', 10 * Ki],
    ['2Ti', 2 * Gi * 1024],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1k', 1000],
    ['1M', 1e6],
    ['2G', 2e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['500m', 0.5],
    ['100u', 0.0001],
    ['5n', 5e-9],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['15e-1', 1.5],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.', 1],
    ['0', 0],
    ['007', 7],
    ['+5', 5],
    ['-1Gi', -Gi],
    ['123456789', 123456789],
  ])('reads %s as %d base units', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each([
    ['an empty string', ''],
    ['an unknown suffix', '1GB'],
    ['a lower-case binary suffix', '1gi'],
    ['a capital K', '1K'],
    ['letters only', 'abc'],
    ['a space before the suffix', '1 Gi'],
    ['a leading space', ' 1Gi'],
    ['two signs', '--1'],
    ['two decimal points', '1.2.3'],
    ['an exponent without digits', '1e'],
    ['an exponent with a fraction', '1e1.5'],
    ['digits after a binary suffix', '1Ki3'],
    ['a suffix before the number', 'Gi1'],
  ])('rejects %s (%j), as the API server does', (_case, text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('rounds sub-nano fractions up to 1n, like ParseQuantity', () => {
    expect(parseQuantity('0.1n')).toBe(1e-9);
    expect(parseQuantity('1.0000000001')).toBe(1.000000001);
  });

  it('accepts what the Go scanner accepts even where the documented regex does not (a lone dot is zero)', () => {
    expect(parseQuantity('.')).toBe(0);
    expect(parseQuantity('-0')).toBe(0);
  });

  it('exports the regular expression kubectl quotes in its error', () => {
    expect(quantityPattern).toBe('^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$');
  });
});

describe('formatQuantity', () => {
  it.each([
    [Gi, '1Gi'],
    [512 * Mi, '512Mi'],
    [1.5 * Gi, '1536Mi'],
    [10 * Gi, '10Gi'],
    [Gi * 1024, '1Ti'],
    [2 ** 60, '1Ei'],
    [2 ** 70, '1024Ei'],
    [3 * Ki, '3Ki'],
    [1024000, '1000Ki'],
    [2e9, '2G'],
    [3e9, '3G'],
    [100e9, '100G'],
    [1536 * Ki, '1536Ki'],
    [1000, '1k'],
    [1500, '1500'],
    [1.5e6, '1500k'],
    [1e18, '1E'],
    [1e21, '1000E'],
    [1536, '1536'],
    [100, '100'],
    [0, '0'],
    [0.5, '500m'],
    [0.0001, '100u'],
    [5e-9, '5n'],
    [-Gi, '-1Gi'],
    [-2e9, '-2G'],
  ])('prints %d as %s', (bytes, expected) => {
    expect(formatQuantity(bytes)).toBe(expected);
  });
});

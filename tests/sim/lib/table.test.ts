import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/sim/lib/table.ts';

describe('formatTable (kubectl get layout)', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    const text = formatTable(
      ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
      [['data', 'Bound', 'pvc-1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', '1Gi', 'RWO', 'standard', '5m']],
    );
    expect(text).toBe(
      'NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   AGE\n' +
        'data   Bound    pvc-1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b   1Gi        RWO            standard       5m\n',
    );
  });

  it('never makes a column narrower than six characters', () => {
    expect(formatTable(['A', 'B'], [['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('leaves the last column unpadded, even when it is empty', () => {
    expect(
      formatTable(
        ['NAME', 'NOTE'],
        [
          ['a', ''],
          ['bb', 'long note'],
        ],
      ),
    ).toBe('NAME   NOTE\na      \nbb     long note\n');
  });

  it('upper-cases headers and prints an empty list as the header line alone', () => {
    expect(formatTable(['name', 'age'], [])).toBe('NAME   AGE\n');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(formatTable(['K', 'V'], [['😀😀😀😀', 'x']])).toBe('K      V\n😀😀😀😀   x\n');
  });

  it('prints missing cells as empty strings', () => {
    expect(formatTable(['A', 'B', 'C'], [['only']])).toBe('A      B     C\nonly         \n');
  });
});

import { describe, expect, it } from 'vitest';
import { humanDuration, parseDuration } from '../../../src/sim/lib/duration.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const year = 365 * day;

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * second],
    ['5m', 5 * minute],
    ['1h30m', 90 * minute],
    ['1.5h', 90 * minute],
    ['500ms', 500],
    ['2h0m0s', 2 * hour],
    ['1m30.5s', 90.5 * second],
    ['.5s', 500],
    ['1.s', second],
    ['250us', 0.25],
    ['250µs', 0.25],
    ['1500ns', 0.0015],
    ['+10s', 10 * second],
    ['0', 0],
    ['0s', 0],
    ['-0', 0],
    ['2562047h', 2562047 * hour],
  ])('reads %s as %d ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each([
    ['an empty string', ''],
    ['a number without a unit', '30'],
    ['two zeros without a unit', '00'],
    ['a unit-less tail', '1h30'],
    ['an unknown unit', '3d'],
    ['a unit named like an object property', '1constructor'],
    ['a capitalised unit', '10S'],
    ['a negative duration', '-5s'],
    ['a lone dot', '.s'],
    ['spaces', '1h 30m'],
    ['overflow past int64 nanoseconds', '2562048h'],
  ])('rejects %s (%j)', (_case, text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('humanDuration (AGE column)', () => {
  it.each([
    ['more than a second in the future is invalid', -2 * second, '<invalid>'],
    ['further in the future is invalid', -hour, '<invalid>'],
    ['under two seconds in the future counts as now', -1999, '0s'],
    ['a fraction of a second in the future is now', -500, '0s'],
    ['zero', 0, '0s'],
    ['seconds below two minutes', 119 * second, '119s'],
    ['exactly two minutes', 2 * minute, '2m'],
    ['minutes and seconds below ten minutes', 2 * minute + 30 * second, '2m30s'],
    ['the last second before ten minutes', 10 * minute - second, '9m59s'],
    ['ten minutes drops the seconds', 10 * minute + 30 * second, '10m'],
    ['minutes below three hours', 179 * minute, '179m'],
    ['exactly three hours', 3 * hour, '3h'],
    ['hours and minutes below eight hours', 3 * hour + 25 * minute, '3h25m'],
    ['the last minute before eight hours', 8 * hour - minute, '7h59m'],
    ['eight hours drops the minutes', 8 * hour + 30 * minute, '8h'],
    ['hours below two days', 47 * hour, '47h'],
    ['exactly two days', 2 * day, '2d'],
    ['days and hours below eight days', 3 * day + 4 * hour, '3d4h'],
    ['the last hour before eight days', 8 * day - hour, '7d23h'],
    ['eight days drops the hours', 8 * day + 5 * hour, '8d'],
    ['days below two years', 729 * day, '729d'],
    ['exactly two years', 2 * year, '2y'],
    ['years and days below eight years', 3 * year + 45 * day, '3y45d'],
    ['the last day before eight years', 8 * year - day, '7y364d'],
    ['eight years drops the days', 8 * year + 100 * day, '8y'],
    ['decades', 20 * year, '20y'],
  ])('%s: %d ms → %s', (_case, ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

/**
 * Durations: reading Go duration strings (`30s`, `1h30m`, as in `kubectl wait --timeout` or
 * `kubectl delete --grace-period`-style flags) and printing ages the way kubectl's AGE column does.
 */

/** Nanoseconds per unit, from Go's time package (ParseDuration's unitMap). */
const unitNanos = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const maxInt64 = (1n << 63n) - 1n;

/**
 * Go's time.ParseDuration, in milliseconds: a sequence of decimal numbers with units
 * (`300ms`, `1.5h`, `2h45m`, `2h0m0s`). Returns undefined where Go errors (a missing unit, an
 * unknown unit, overflow) and also for negative durations, which the simulator never accepts.
 * Like Go, `0` alone needs no unit, and sub-nanosecond fractions are truncated.
 */
export function parseDuration(text: string): number | undefined {
  let rest = text;
  if (rest.startsWith('-')) {
    // Negative durations are valid Go but meaningless for timeouts and ages here; only `-0` is zero.
    return rest === '-0' ? 0 : undefined;
  }
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return 0;
  if (rest === '') return undefined;

  let total = 0n;
  while (rest !== '') {
    // The number: digits, optionally a fraction; at least one digit on either side of the dot.
    const number = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && fraction === '') return undefined;
    rest = rest.slice(number?.[0].length ?? 0);

    // The unit: everything up to the next digit or dot.
    const unitMatch = /^[^0-9.]*/.exec(rest);
    const unit = unitMatch?.[0] ?? '';
    if (unit === '') return undefined; // "missing unit in duration"
    const nanos = unitNanos.get(unit);
    if (nanos === undefined) return undefined; // "unknown unit"
    rest = rest.slice(unit.length);

    let value = BigInt(whole || '0') * nanos;
    if (fraction !== '') value += (BigInt(fraction) * nanos) / 10n ** BigInt(fraction.length);
    total += value;
    if (total > maxInt64) return undefined; // "invalid duration" (overflow)
  }
  // Whole milliseconds stay exact beyond 2^53 nanoseconds (~104 days).
  return Number(total / 1_000_000n) + Number(total % 1_000_000n) / 1e6;
}

/**
 * k8s.io/apimachinery/pkg/util/duration.HumanDuration: what kubectl prints in AGE columns. Keeps
 * two or three significant figures: `45s`, `3m20s`, `25m`, `5h3m`, `30h`, `3d4h`, `120d`, `3y45d`,
 * `9y`. Up to two seconds in the future still reads `0s` (clock skew between machines); further
 * in the future is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  // int(d.Seconds()) truncates toward zero, so -1.9s is -1s and still counts as "now".
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const years = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

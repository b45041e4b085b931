/**
 * Resource quantities (`1Gi`, `500m`, `2e9`) as Kubernetes reads and writes them:
 * k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go).
 *
 * Kubernetes keeps quantities as exact decimals; the simulator only needs storage sizes, so a
 * quantity here is a plain JS number in base units (bytes for storage). Parsing follows the Go
 * scanner (parseQuantityString) character for character, so the same strings are accepted and
 * rejected as by a real API server.
 */

/** The regular expression kubectl quotes when a quantity is malformed (resource.ErrFormatWrong). */
export const quantityPattern = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** suffix.go: binary suffixes are powers of 2, decimal ones powers of 10. */
const binarySuffixes = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
const decimalSuffixes = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const suffixChars = 'eEinumkKMGTP';

interface Scanned {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** A port of parseQuantityString: splits sign, integer digits, fraction digits and suffix. */
function scan(text: string): Scanned | undefined {
  let pos = 0;
  const end = text.length;
  let negative = false;
  if (text[0] === '-') {
    negative = true;
    pos++;
  } else if (text[0] === '+') {
    pos++;
  }
  // Leading zeros carry no value; a string of only a sign and zeros is zero (as in Go).
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { negative, num: '0', denom: '', suffix: '' };

  let start = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  const num = text.slice(start, pos) || '0';
  if (pos >= end) return { negative, num, denom: '', suffix: '' };

  let denom = '';
  if (text[pos] === '.') {
    pos++;
    start = pos;
    while (pos < end && isDigit(text[pos])) pos++;
    // Go accepts `1.` and `.5` (and even `1.G`): an empty side is zero.
    denom = text.slice(start, pos);
    if (pos >= end) return { negative, num, denom, suffix: '' };
  }

  const suffixStart = pos;
  while (pos < end && suffixChars.includes(text[pos] as string)) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  // Anything left over (a space, `B` in `1GB`, a second `.`) is ErrFormatWrong.
  if (pos < end) return undefined;
  return { negative, num, denom, suffix: text.slice(suffixStart) };
}

/** suffixHandler.interpret: a known suffix, or `e`/`E` followed by a signed decimal exponent. */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number } | undefined {
  const decimal = decimalSuffixes.get(suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal };
  const binary = binarySuffixes.get(suffix);
  if (binary !== undefined) return { base: 2, exponent: binary };
  if (
    suffix.length > 1 &&
    (suffix[0] === 'e' || suffix[0] === 'E') &&
    /^[+-]?[0-9]+$/.test(suffix.slice(1))
  ) {
    return { base: 10, exponent: Number(suffix.slice(1)) };
  }
  return undefined;
}

/**
 * Rounds a decimal `digits × 10^exponent` up (away from zero) to nanounits, as ParseQuantity does
 * ("if you want some resources, you should get some resources").
 */
function roundUpToNano(digits: string, exponent: number): { digits: string; exponent: number } {
  if (exponent >= -9) return { digits, exponent };
  const drop = -9 - exponent;
  const kept = digits.length > drop ? digits.slice(0, digits.length - drop) : '0';
  const dropped = digits.length > drop ? digits.slice(digits.length - drop) : digits;
  const bumped = /[1-9]/.test(dropped) ? (BigInt(kept) + 1n).toString() : kept;
  return { digits: bumped, exponent: -9 };
}

/**
 * The value of a quantity in base units, or undefined when Kubernetes would reject it
 * (`1GB`, `1 Gi`, `--1`, `1.2.3`, ``) or it does not fit a finite JS number.
 */
export function parseQuantity(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const scanned = scan(text);
  if (!scanned) return undefined;
  const suffix = interpretSuffix(scanned.suffix);
  if (!suffix) return undefined;
  const sign = scanned.negative ? '-' : '';
  let value: number;
  if (suffix.base === 10) {
    const rounded = roundUpToNano(scanned.num + scanned.denom, suffix.exponent - scanned.denom.length);
    value = Number(`${sign}${rounded.digits}e${rounded.exponent}`);
  } else {
    value = Number(`${sign}${scanned.num}.${scanned.denom || '0'}`) * 2 ** suffix.exponent;
  }
  if (!Number.isFinite(value)) return undefined;
  // Normalise -0 (from `-0`) so callers comparing with === 0 or Object.is are not surprised.
  return value === 0 ? 0 : value;
}

const decimalSuffixByExponent = new Map([...decimalSuffixes].map(([suffix, exponent]) => [exponent, suffix]));

/** Decimal digits and power of ten of a finite number, exactly as JS prints it (`1.5e-7` → 15, -8). */
function decimalParts(value: number): { digits: string; exponent: number } {
  const [mantissa = '0', exp = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let digits = (whole + fraction).replace(/^0+/, '') || '0';
  let exponent = Number(exp) - fraction.length;
  // Move trailing zeros into the exponent, so the suffix can be as large as possible.
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  return { digits, exponent };
}

/**
 * DecimalSI canonical form (Quantity.CanonicalizeBytes): the largest power-of-1000 suffix that keeps
 * the mantissa an integer, e.g. 1500 → `1500`, 1500000 → `1500k`, 0.5 → `500m`.
 */
function formatDecimal(magnitude: number): string {
  const parts = decimalParts(magnitude);
  const { digits, exponent } = roundUpToNano(parts.digits, parts.exponent);
  if (digits === '0') return '0';
  const chosen = Math.min(18, Math.max(-9, Math.floor(exponent / 3) * 3));
  return digits + '0'.repeat(exponent - chosen) + (decimalSuffixByExponent.get(chosen) ?? '');
}

/** BinarySI canonical form: the largest power of 1024 (Ei at most) that divides the value. */
function formatBinary(magnitude: number): string | undefined {
  if (!Number.isInteger(magnitude) || magnitude < 1024) return undefined;
  let power = 0;
  let mantissa = magnitude;
  while (power < 6 && mantissa % 1024 === 0) {
    mantissa /= 1024;
    power++;
  }
  // BigInt prints every digit, where String() would switch to exponent notation past 1e21.
  return power === 0 ? undefined : `${BigInt(mantissa)}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power]}`;
}

const mantissaDigits = (text: string): number => /^[0-9]*/.exec(text)?.[0].length ?? 0;

/**
 * How Kubernetes prints a size. A real Quantity remembers whether it was written in binary or
 * decimal form and keeps that form; the simulator only stores a number, so it prints whichever
 * canonical form is shorter, binary on a tie — which gives back what a person would have typed:
 * 1073741824 → `1Gi`, 536870912 → `512Mi`, 2000000000 → `2G` (not `1953125Ki`), 1500 → `1500`.
 */
export function formatQuantity(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const magnitude = Math.abs(bytes);
  const decimal = formatDecimal(magnitude);
  if (decimal === '0') return '0';
  const binary = formatBinary(magnitude);
  const shorter =
    binary !== undefined && mantissaDigits(binary) <= mantissaDigits(decimal) ? binary : decimal;
  return (bytes < 0 ? '-' : '') + shorter;
}

/** Text helpers shared by the programs: byte counts, lines, busybox's human-readable sizes. */

/** UTF-8 byte length without allocating (a lone surrogate counts as U+FFFD, 3 bytes, as TextEncoder does). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let k = 0; k < text.length; k += 1) {
    const unit = text.charCodeAt(k);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(k + 1))) {
      bytes += 4;
      k += 1;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Lines with their terminating newline kept; a last line without one is still a line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** Busybox make_human_readable_str(size, 1, 0): `0`, `512`, `4.0K`, `1.5G` (one decimal, 1024 steps). */
export function humanSize(bytes: number): string {
  let size = Math.max(0, Math.floor(bytes));
  if (size === 0) return '0';
  let unit = 0;
  let frac = 0;
  while (size >= 1024 && unit < 6) {
    frac = Math.floor(((size % 1024) * 10 + 512) / 1024);
    size = Math.floor(size / 1024);
    unit += 1;
  }
  if (frac >= 10) {
    size += 1;
    frac = 0;
  }
  return unit === 0 ? String(size) : `${size}.${frac}${'KMGTPE'.charAt(unit - 1)}`;
}

export const padStart = (value: string | number, width: number) => String(value).padStart(width);
export const padEnd = (value: string | number, width: number) => String(value).padEnd(width);

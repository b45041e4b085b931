/**
 * A small seeded generator (mulberry32) whose whole state is one number kept in the cluster
 * state: the same script always produces the same names and UIDs.
 */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Characters Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
export const nameSuffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

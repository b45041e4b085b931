/**
 * Share links carry a cluster setup script in the URL (`/en/sandbox?setup=…`, base64url of its
 * UTF-8 text), so an instructor can hand a prepared cluster to a class. Decoding never throws: a
 * malformed link gets a short reason and the sandbox starts from the default cluster.
 */
export const shareParam = 'setup';
const maxScriptLength = 50_000;

export function encodeSetup(script: string): string {
  const bytes = new TextEncoder().encode(script);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type DecodedSetup =
  | { ok: true; script: string }
  | { ok: false; reason: 'encoding' | 'too-long' | 'empty' };

export function decodeSetup(param: string): DecodedSetup {
  if (param.trim() === '') return { ok: false, reason: 'empty' };
  if (param.length > (maxScriptLength * 4) / 3 + 4) return { ok: false, reason: 'too-long' };
  if (!/^[A-Za-z0-9_-]+$/.test(param)) return { ok: false, reason: 'encoding' };
  try {
    const binary = atob(param.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const script = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (script.trim() === '') return { ok: false, reason: 'empty' };
    return { ok: true, script };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

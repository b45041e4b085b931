import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup } from '../../src/routing/share-link.ts';

describe('share links', () => {
  it('round-trips a script with a here-document and Korean text', () => {
    const script =
      'kubectl apply -f - <<EOF\nkind: Pod\nEOF\nkubectl exec web -- sh -c "echo \'안녕\' > /x"\n';
    const encoded = encodeSetup(script);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSetup(encoded)).toEqual({ ok: true, script });
  });

  it.each([
    ['not base64url', 'abc$%', 'encoding'],
    ['invalid UTF-8', encodeBytes([0xff, 0xfe, 0xfd]), 'encoding'],
    ['empty', '', 'empty'],
    ['blank once decoded', encodeSetup('   \n'), 'empty'],
    ['too long', 'A'.repeat(70_000), 'too-long'],
  ])('refuses a link that is %s', (_what, param, reason) => {
    expect(decodeSetup(param)).toEqual({ ok: false, reason });
  });
});

function encodeBytes(bytes: number[]): string {
  return Buffer.from(bytes).toString('base64url');
}

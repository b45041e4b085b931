import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away project with a `content/` tree built from `{ 'en/01-a/_chapter.md': '…' }`. */
export function contentFixture(files: Record<string, string>): {
  root: string;
  contentDir: string;
  dispose: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'kvl-content-'));
  const contentDir = join(root, 'content');
  for (const [path, text] of Object.entries(files)) {
    const target = join(contentDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return { root, contentDir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export function lesson(front: Record<string, unknown>, body = 'Some text.\n'): string {
  const yaml = Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

export const chapter = (title: string) => `---\ntitle: ${title}\n---\n`;

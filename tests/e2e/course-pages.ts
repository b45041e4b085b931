import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every lesson page the build wrote (`dist/<locale>/<id>.html`), as URL paths. */
export function lessonPaths(): string[] {
  const dist = join(import.meta.dirname, '..', '..', 'dist');
  return ['en', 'ko'].flatMap((locale) =>
    readdirSync(join(dist, locale))
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${locale}/${file.replace(/\.html$/, '')}`),
  );
}

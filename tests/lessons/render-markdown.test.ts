import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lessons/build/render-markdown.ts';
import type { RenderNode } from '../../src/lessons/course-types.ts';

const dir = mkdtempSync(join(tmpdir(), 'kvl-md-'));
const absPath = join(dir, '01-lesson.md');
const options = {
  absPath,
  file: 'content/en/01-a/01-lesson.md',
  bodyStartLine: 6,
  routeOfFile: (path: string) => (path === join(dir, '02-other.md') ? '/en/other' : undefined),
};
const render = (markdown: string) => renderMarkdown(markdown, options);

/** Finds the first element with this tag anywhere in the tree. */
function find(nodes: RenderNode[], tag: string): Exclude<RenderNode, string> | undefined {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node[0] === tag) return node;
    const inner = find(node.slice(2) as RenderNode[], tag);
    if (inner) return inner;
  }
  return undefined;
}
const text = (node: RenderNode): string =>
  typeof node === 'string' ? node : (node.slice(2) as RenderNode[]).map(text).join('');

describe('rendering lesson markdown at build time', () => {
  it('renders GitHub-flavoured tables', () => {
    const { document } = render('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(find(document.body, 'table')).toBeDefined();
    expect(text(find(document.body, 'td') ?? '')).toBe('1');
  });

  it('highlights yaml, shell and json fences', () => {
    for (const language of ['yaml', 'shell', 'json']) {
      const { document } = render(`\`\`\`${language}\nkind: Pod\n\`\`\`\n`);
      const code = find(document.body, 'code');
      expect(code?.[1]?.className).toContain('hljs');
    }
  });

  it('rejects a fence language it cannot highlight, naming the file line', () => {
    expect(() => render('```pyton\nprint(1)\n```\n')).toThrow(
      'content/en/01-a/01-lesson.md:6: code block language "pyton"',
    );
  });

  it('gives headings stable ids, Korean included', () => {
    const { document } = render('## Why volumes?\n\n## 볼륨이 필요한 이유\n');
    expect(document.headings).toEqual([
      { depth: 2, id: 'why-volumes', text: 'Why volumes?' },
      { depth: 2, id: '볼륨이-필요한-이유', text: '볼륨이 필요한 이유' },
    ]);
  });

  it('opens kubernetes.io links safely in a new tab', () => {
    const { document } = render('[docs](https://kubernetes.io/docs/)\n');
    expect(find(document.body, 'a')?.[1]).toMatchObject({
      href: 'https://kubernetes.io/docs/',
      target: '_blank',
      rel: 'noopener noreferrer',
      'data-external': true,
    });
  });

  it('turns a link to another lesson file into its route', () => {
    const { document, internalLinks } = render('[next](./02-other.md#part)\n');
    expect(find(document.body, 'a')?.[1]?.href).toBe('/en/other#part');
    expect(internalLinks).toEqual([{ route: '/en/other', hash: 'part', line: 6 }]);
  });

  it('rejects a link to a file that is not a lesson', () => {
    expect(() => render('[gone](./99-missing.md)\n')).toThrow('broken link "./99-missing.md"');
  });

  it('does not render raw HTML', () => {
    expect(() => render('<script>alert(1)</script>\n')).toThrow('raw HTML is not rendered');
  });

  it('rejects a level-one heading (the title comes from front matter)', () => {
    expect(() => render('# Title\n')).toThrow('use "##" for sections');
  });

  it('renders a known directive as a registry element, its [label] as the title', () => {
    const { document } = render(':::hint[Look at the node]\nIt is on node-2.\n:::\n');
    const hint = find(document.body, ':hint');
    expect(hint?.[1]).toEqual({ title: 'Look at the node' });
    expect(text(hint ?? '')).toContain('It is on node-2.');
  });

  it.each([
    [':::quizz\nx\n:::\n', 'unknown directive ":::quizz"'],
    ['::hint\n', 'must be written as :::hint … :::'],
    [':::note{colour="red"}\nx\n:::\n', 'has no attribute "colour"'],
    ['Meet at noon:sharp in the hall.\n', 'unknown directive ":sharp"'],
  ])('rejects directive misuse: %j', (markdown, message) => {
    expect(() => render(markdown)).toThrow(message);
  });

  it('inlines an SVG illustration with its alt text as the accessible name', () => {
    writeFileSync(
      join(dir, 'picture.svg'),
      '<svg viewBox="0 0 10 10" width="10" onload="x()"><script>x()</script><rect class="ill-box"/></svg>',
    );
    const { document } = render('![A box on a node](./picture.svg "A caption")\n');
    const svg = find(document.body, 'svg');
    expect(svg?.[1]).toMatchObject({ role: 'img', 'aria-label': 'A box on a node', viewBox: '0 0 10 10' });
    expect(svg?.[1]).not.toHaveProperty('width');
    expect(svg?.[1]).not.toHaveProperty('onLoad');
    expect(find(document.body, 'script')).toBeUndefined();
    expect(text(find(document.body, 'figcaption') ?? '')).toBe('A caption');
  });

  it('requires alt text on illustrations and refuses non-SVG images', () => {
    expect(() => render('![](./picture.svg)\n')).toThrow('needs alt text');
    expect(() => render('![Logo](https://example.com/logo.png)\n')).toThrow(
      'must be a local .svg illustration',
    );
  });

  it('requires an illustration to stand alone, so the figure never sits inside a paragraph', () => {
    expect(() => render('Look: ![A box](./picture.svg) here.\n')).toThrow(
      'must stand alone in its own paragraph',
    );
    const { document } = render('![A box on a node](./picture.svg)\n');
    expect(document.body.map((node) => (typeof node === 'string' ? 'text' : node[0]))).toEqual(['figure']);
  });

  it('names SVG attributes the way React expects', () => {
    writeFileSync(
      join(dir, 'dashed.svg'),
      '<svg viewBox="0 0 4 4"><path stroke-dasharray="4 3" stroke-width="2"/></svg>',
    );
    const { document } = render('![Dashed](./dashed.svg)\n');
    expect(find(document.body, 'path')?.[1]).toEqual({ strokeDasharray: '4 3', strokeWidth: '2' });
  });
});

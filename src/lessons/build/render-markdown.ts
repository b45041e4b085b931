import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import yaml from 'highlight.js/lib/languages/yaml';
import type { Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeParse from 'rehype-parse';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { LessonDocument, LessonHeading } from '../course-types.ts';
import { ContentError } from './content-error.ts';
import { checkDirective } from './directives.ts';
import { checkInteractive, type InteractiveContext } from './interactive-blocks.ts';
import { toRenderNodes } from './to-render-nodes.ts';

/** A link into a lesson (this one or another): its #anchor is checked once every heading is known. */
export interface InternalLink {
  /** Route of the target lesson (`/en/volumes`); undefined for a same-page `#anchor`. */
  route?: string;
  hash: string;
  line: number;
}

export interface RenderedMarkdown {
  document: LessonDocument;
  internalLinks: InternalLink[];
  /** Scenarios of its `::simulator` blocks ('' for the default cluster), to preload with the lesson. */
  simulators: string[];
  /** Ids of its tasks, in order. */
  taskIds: string[];
  /** How many quiz questions it asks. */
  quizQuestions: number;
}

interface RenderOptions {
  /** Absolute path of the markdown file (for relative links and illustrations). */
  absPath: string;
  /** Path shown in error messages (relative to the project). */
  file: string;
  /** Line of the body's first line in the file. */
  bodyStartLine: number;
  /** Route (`/ko/volumes`) of the lesson stored at an absolute .md path, if there is one. */
  routeOfFile: (absPath: string) => string | undefined;
  /** Whether `content/scenarios/<id>.yaml` exists (a `::simulator` names one). */
  scenarioExists?: (id: string) => boolean;
  /** Whether a scenario is a challenge (has a goal and a solution), as a task needs. */
  scenarioIsChallenge?: (id: string) => boolean;
}

const highlightLanguages = { bash, json, yaml };
/** Fence names authors may use; everything else is an error so a typo never ships unhighlighted. */
const fenceAliases: Record<string, string[]> = { bash: ['shell', 'sh', 'console'], yaml: ['yml'] };
const plainFences = ['text', 'plaintext'];

/**
 * Markdown → the compact render tree, at build time: GFM, directives from the closed set,
 * highlighted code, slugged headings, safe external links, inlined SVG illustrations.
 * Raw HTML in markdown is dropped (remark-rehype without allowDangerousHtml).
 */
export function renderMarkdown(body: string, options: RenderOptions): RenderedMarkdown {
  const errors: ContentError[] = [];
  const simulators: string[] = [];
  const interactive: InteractiveContext = {
    isChallenge: options.scenarioIsChallenge ?? (() => true),
    taskIds: [],
  };
  const lineOf = (node: { position?: { start: { line: number } } }) =>
    (node.position?.start.line ?? 1) + options.bodyStartLine - 1;

  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(() => (tree: MdastRoot) => {
      visit(tree, (node, _index, parent) => {
        if (node.type === 'heading' && node.depth === 1) {
          errors.push(
            new ContentError(
              options.file,
              'use "##" for sections: the title comes from front matter',
              lineOf(node),
            ),
          );
        }
        if (node.type === 'html') {
          errors.push(
            new ContentError(options.file, 'raw HTML is not rendered in lessons; use markdown', lineOf(node)),
          );
        }
        if (
          node.type === 'containerDirective' ||
          node.type === 'leafDirective' ||
          node.type === 'textDirective'
        ) {
          const problem = checkDirective(node);
          if (problem) errors.push(new ContentError(options.file, problem, lineOf(node)));
          else
            for (const issue of checkInteractive(node, parent, interactive))
              errors.push(new ContentError(options.file, issue, lineOf(node)));
          const scenario = node.name === 'simulator' ? node.attributes?.scenario : undefined;
          if (!problem && node.name === 'simulator') simulators.push(scenario ?? '');
          // A task's live cluster counts too: it is preloaded with the lesson.
          if (!problem && node.name === 'task' && node.attributes?.scenario)
            simulators.push(node.attributes.scenario);
          if (!problem && scenario && options.scenarioExists && !options.scenarioExists(scenario))
            errors.push(
              new ContentError(
                options.file,
                `scenario "${scenario}" has no file content/scenarios/${scenario}.yaml`,
                lineOf(node),
              ),
            );
        }
      });
    })
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeHighlight, {
      languages: highlightLanguages,
      aliases: fenceAliases,
      plainText: plainFences,
      detect: false,
    });

  const mdast = processor.parse(body);
  const hast = processor.runSync(mdast) as HastRoot;

  for (const node of hast.children)
    if (node.type !== 'doctype') checkCodeLanguages(node, options, lineOf, errors);
  const internalLinks: InternalLink[] = [];
  visit(hast, 'element', (element: Element, index, parent) => {
    if (element.tagName === 'a') rewriteLink(element, options, lineOf(element), internalLinks, errors);
    if (element.tagName === 'p' && parent && index !== undefined) {
      // An illustration stands alone in its paragraph; the figure replaces the paragraph.
      const meaningful = element.children.filter(
        (child) => child.type !== 'text' || child.value.trim() !== '',
      );
      const image = meaningful[0];
      if (meaningful.length === 1 && image?.type === 'element' && image.tagName === 'img') {
        const figure = inlineIllustration(image, options, lineOf(image), errors);
        if (figure) parent.children[index] = figure;
        return 'skip';
      }
    }
    if (element.tagName === 'img') {
      errors.push(
        new ContentError(
          options.file,
          'an illustration must stand alone in its own paragraph',
          lineOf(element),
        ),
      );
    }
  });
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new AggregateContentError(errors);

  const content = hast.children.filter((node): node is ElementContent => node.type !== 'doctype');
  return {
    document: { body: toRenderNodes(content), headings: collectHeadings(hast) },
    internalLinks,
    simulators,
    taskIds: interactive.taskIds,
    quizQuestions: countQuestions(mdast),
  };
}

/** Thrown when one file has several problems; the course loader flattens it. */
export class AggregateContentError extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((error) => error.message).join('\n'));
  }
}

function checkCodeLanguages(
  node: ElementContent,
  options: RenderOptions,
  lineOf: (node: ElementContent) => number,
  errors: ContentError[],
): void {
  visit(node, 'element', (element: Element) => {
    if (element.tagName !== 'code') return;
    const classes = (element.properties.className as string[] | undefined) ?? [];
    const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
    if (!language) return;
    const known =
      language in highlightLanguages ||
      plainFences.includes(language) ||
      Object.values(fenceAliases).flat().includes(language);
    if (!known) {
      errors.push(
        new ContentError(
          options.file,
          `code block language "${language}" is not highlighted; use yaml, shell, json or text`,
          lineOf(element),
        ),
      );
    }
  });
}

function rewriteLink(
  element: Element,
  options: RenderOptions,
  line: number,
  internalLinks: InternalLink[],
  errors: ContentError[],
): void {
  const href = String(element.properties.href ?? '');
  if (/^https?:\/\//.test(href)) {
    // External pages open in a new tab without handing them our window (reverse tabnabbing).
    element.properties = {
      ...element.properties,
      target: '_blank',
      rel: ['noopener', 'noreferrer'],
      dataExternal: true,
    };
    return;
  }
  const [path = '', encodedHash = ''] = href.split('#');
  const hash = safeDecode(encodedHash);
  if (path === '' && hash !== '') {
    internalLinks.push({ hash, line });
    return;
  }
  if (path.endsWith('.md') && !/^[a-z]+:/.test(path)) {
    const route = options.routeOfFile(resolve(dirname(options.absPath), path));
    if (!route) {
      errors.push(new ContentError(options.file, `broken link "${href}": no lesson at that path`, line));
      return;
    }
    element.properties = { ...element.properties, href: hash ? `${route}#${hash}` : route };
    internalLinks.push({ route, hash, line });
    return;
  }
  errors.push(
    new ContentError(
      options.file,
      `link "${href}" must be an https:// URL, a lesson file (.md) or a #heading`,
      line,
    ),
  );
}

/**
 * `![alt](./picture.svg "caption")` becomes an inline, themeable SVG with `role="img"` and the alt
 * text as its accessible name. Authors write the SVG; scripts and event handlers are still stripped.
 */
function inlineIllustration(
  image: Element,
  options: RenderOptions,
  line: number,
  errors: ContentError[],
): Element | undefined {
  const src = String(image.properties.src ?? '');
  const alt = String(image.properties.alt ?? '').trim();
  const caption = image.properties.title ? String(image.properties.title) : undefined;
  if (extname(src) !== '.svg' || /^[a-z]+:/.test(src)) {
    errors.push(new ContentError(options.file, `image "${src}" must be a local .svg illustration`, line));
    return undefined;
  }
  if (!alt) {
    errors.push(new ContentError(options.file, `illustration "${src}" needs alt text describing it`, line));
    return undefined;
  }
  let svgSource: string;
  try {
    svgSource = readFileSync(resolve(dirname(options.absPath), src), 'utf8');
  } catch {
    errors.push(new ContentError(options.file, `illustration "${src}" does not exist`, line));
    return undefined;
  }
  const fragment = unified().use(rehypeParse, { fragment: true }).parse(svgSource);
  const svg = fragment.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'svg',
  );
  if (!svg) {
    errors.push(new ContentError(options.file, `illustration "${src}" has no <svg> element`, line));
    return undefined;
  }
  sanitizeSvg(svg);
  const { width: _width, height: _height, ...kept } = svg.properties;
  svg.properties = { ...kept, role: 'img', ariaLabel: alt, focusable: 'false' } satisfies Properties;
  const children: ElementContent[] = [svg];
  if (caption)
    children.push({
      type: 'element',
      tagName: 'figcaption',
      properties: {},
      children: [{ type: 'text', value: caption }],
    });
  return { type: 'element', tagName: 'figure', properties: { className: ['illustration'] }, children };
}

function sanitizeSvg(node: Element): void {
  node.children = node.children.filter(
    (child) =>
      child.type === 'text' ||
      (child.type === 'element' && child.tagName !== 'script' && child.tagName !== 'foreignObject'),
  );
  for (const key of Object.keys(node.properties)) {
    if (/^on/i.test(key) || key === 'style') delete node.properties[key];
  }
  for (const child of node.children) if (child.type === 'element') sanitizeSvg(child);
}

function collectHeadings(tree: HastRoot): LessonHeading[] {
  const headings: LessonHeading[] = [];
  visit(tree, 'element', (element: Element) => {
    if ((element.tagName === 'h2' || element.tagName === 'h3') && element.properties.id) {
      headings.push({
        depth: element.tagName === 'h2' ? 2 : 3,
        id: String(element.properties.id),
        text: textOf(element),
      });
    }
  });
  return headings;
}

export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function countQuestions(tree: MdastRoot): number {
  let count = 0;
  visit(tree, (node) => {
    if (node.type === 'containerDirective' && node.name === 'question') count++;
  });
  return count;
}

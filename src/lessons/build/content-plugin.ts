import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { locales } from '../../i18n/locales.ts';
import { type BuiltCourse, loadCourse } from './load-course.ts';
import { checkSolution, defaultClusterState, scenarioInitialState } from './scenario-state.ts';

const virtualId = 'virtual:course';
const resolvedVirtualId = `\0${virtualId}`;
const scenariosId = 'virtual:scenarios';
const resolvedScenariosId = `\0${scenariosId}`;
const defaultClusterId = 'virtual:default-cluster';
const resolvedDefaultClusterId = `\0${defaultClusterId}`;

/**
 * Build-time content pipeline. `virtual:course` exports the outline (small, in the main bundle)
 * and one lazy loader per lesson; each lesson's markdown file becomes a chunk holding its
 * pre-rendered tree, so the browser never downloads a markdown parser.
 */
export function contentPlugin(): Plugin {
  let config: ResolvedConfig;
  let course: BuiltCourse | undefined;
  /** Absolute markdown path → the chunk file the build wrote for it. */
  const lessonChunks = new Map<string, string>();
  /** The simulator's chunk, preloaded by pages that show one. */
  let simulatorChunk: string | undefined;
  const contentDir = () => join(config.root, 'content');
  const getCourse = () => {
    course ??= loadCourse(contentDir(), config.root);
    return course;
  };

  return {
    name: 'kube-volume-lab:content',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      if (id === scenariosId) return resolvedScenariosId;
      if (id === defaultClusterId) return resolvedDefaultClusterId;
      return id === virtualId ? resolvedVirtualId : undefined;
    },
    load(id) {
      if (id === resolvedDefaultClusterId)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(defaultClusterState()))});`;
      if (id === resolvedScenariosId) {
        let built: BuiltCourse;
        try {
          built = getCourse();
        } catch (error) {
          course = undefined;
          return this.error((error as Error).message);
        }
        // One small chunk per scenario, loaded with the simulator that uses it.
        const loaders = Object.entries(built.scenarioFiles)
          .map(
            ([key, file]) =>
              `  ${JSON.stringify(key)}: () => import(${JSON.stringify(toRootPath(config.root, file))}),`,
          )
          .join('\n');
        return `export const scenarioLoaders = {\n${loaders}\n};\nexport const loadDefaultCluster = () => import(${JSON.stringify(defaultClusterId)});\n`;
      }
      if (id !== resolvedVirtualId) return undefined;
      let built: BuiltCourse;
      try {
        built = getCourse();
      } catch (error) {
        course = undefined;
        return this.error((error as Error).message);
      }
      for (const file of Object.values(built.lessonFiles)) this.addWatchFile(file);
      const loaders = Object.entries(built.lessonFiles)
        .map(
          ([key, file]) =>
            `  ${JSON.stringify(key)}: () => import(${JSON.stringify(toRootPath(config.root, file))}),`,
        )
        .join('\n');
      return `export const course = ${JSON.stringify(built.manifest)};\nexport const lessonLoaders = {\n${loaders}\n};\n`;
    },
    transform(_code, id) {
      if (id.endsWith('.yaml') && id.startsWith(join(contentDir(), 'scenarios'))) {
        const entry = Object.entries(getCourse().scenarioFiles).find(([, file]) => file === id);
        if (!entry) return this.error(`${id} is not a scenario of the course`);
        const scenario = getCourse().scenarios[entry[0]];
        if (!scenario) return this.error(`${id} is not a scenario of the course`);
        let initial: unknown;
        try {
          initial = scenarioInitialState(scenario.setup, relative(config.root, id));
          checkSolution(scenario as Parameters<typeof checkSolution>[0], relative(config.root, id));
        } catch (error) {
          return this.error((error as Error).message);
        }
        // JSON.parse of a string literal: parsed faster than the same object literal.
        return {
          code: `export default JSON.parse(${JSON.stringify(JSON.stringify({ ...scenario, initial }))});`,
          map: null,
        };
      }
      if (!id.endsWith('.md') || !id.startsWith(contentDir())) return undefined;
      const document = getCourse().documents.get(id);
      if (!document) return this.error(`${id} is not a lesson of the course`);
      return { code: `export default ${JSON.stringify(document)};`, map: null };
    },
    configureServer(server) {
      // Any change under content/ can move lessons or links: rebuild the course and reload.
      server.watcher.add(contentDir());
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(contentDir())) return;
        course = undefined;
        server.moduleGraph.invalidateAll();
        server.ws.send({ type: 'full-reload' });
      });
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.facadeModuleId?.endsWith('.md')) {
          lessonChunks.set(output.facadeModuleId, output.fileName);
        }
        if (output.type === 'chunk' && output.facadeModuleId?.endsWith('/src/simulator/Simulator.tsx'))
          simulatorChunk = output.fileName;
      }
    },
    closeBundle() {
      if (config.command !== 'build' || !course) return;
      writeStaticHostFallbacks(config.build.outDir, config.base, course, lessonChunks, simulatorChunk);
    },
  };
}

function toRootPath(root: string, file: string): string {
  return `/${relative(root, file).split(sep).join('/')}`;
}

/**
 * A static host knows nothing of client-side routes. Give each lesson URL its own copy of the
 * page (`en/volumes.html`, served for `/en/volumes` by GitHub Pages, Netlify and `vite preview`),
 * with its own title and language, plus `404.html` for any other path (the app shows not-found).
 */
function writeStaticHostFallbacks(
  outDir: string,
  base: string,
  course: BuiltCourse,
  lessonChunks: Map<string, string>,
  simulatorChunk: string | undefined,
): void {
  const simulatorPreload = simulatorChunk
    ? `<link rel="modulepreload" crossorigin href="${base}${simulatorChunk}">\n  `
    : '';
  const indexPath = join(outDir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  writeFileSync(join(outDir, '404.html'), html);
  for (const locale of locales) {
    // The sandbox is a page of its own too (its code loads lazily, so no preload).
    const target = join(outDir, locale, 'sandbox.html');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(
      target,
      html
        .replace('</head>', `${simulatorPreload}</head>`)
        .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
        .replace(/<title>[^<]*<\/title>/, '<title>Sandbox · Kube Volume Lab</title>'),
    );
  }
  for (const [key, file] of Object.entries(course.lessonFiles)) {
    const [locale = 'en', id = ''] = key.split('/');
    const lesson = course.manifest.lessons[id];
    if (!lesson) continue;
    const title = `${escapeHtml(lesson.title[locale as 'en'])} · Kube Volume Lab`;
    // The lesson's own chunk starts downloading alongside the app instead of after it.
    const chunk = lessonChunks.get(file);
    // A lesson's simulators load as the learner scrolls to them: only the text is preloaded.
    const preload = `${chunk ? `<link rel="modulepreload" crossorigin href="${base}${chunk}">\n  ` : ''}</head>`;
    const page = html
      .replace('</head>', preload)
      .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
      .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
      .replace(
        /(<meta name="description" content=")[^"]*"/,
        `$1${escapeHtml(lesson.summary[locale as 'en'])}"`,
      );
    const target = join(outDir, `${key}.html`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, page);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

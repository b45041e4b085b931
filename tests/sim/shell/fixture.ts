import type { FsTree } from '../../../src/sim/node/fs-tree.ts';
import { type ExecResult, runExec } from '../../../src/sim/shell/run-exec.ts';
import { createTreeShellFs, type TreeShellFsOptions } from '../../helpers/tree-shell-fs.ts';

/** A small container filesystem: /data with two files and a subdirectory, an empty /tmp. */
export function sampleTree(): FsTree {
  return {
    '/data': { type: 'dir' },
    '/data/a.txt': { type: 'file', content: 'alpha\nbeta\ngamma\n' },
    '/data/.hidden': { type: 'file', content: 'h' },
    '/data/sub': { type: 'dir' },
    '/data/sub/b.txt': { type: 'file', content: 'b' },
    '/tmp': { type: 'dir' },
  };
}

/** Runs commands one after another against one tree; returns the tree to inspect and a runner. */
export function shell(options: TreeShellFsOptions = {}, tree: FsTree = sampleTree()) {
  const fs = createTreeShellFs(tree, options);
  const run = (argv: string[], stdin?: string): ExecResult =>
    runExec(argv, fs, { hostname: 'web-0', ...(stdin === undefined ? {} : { stdin }) });
  const sh = (script: string, stdin?: string) => run(['sh', '-c', script], stdin);
  return { tree, fs, run, sh };
}

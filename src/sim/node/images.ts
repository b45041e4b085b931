import type { FsTree } from './fs-tree.ts';

/**
 * What a container's filesystem holds when it starts: its image's files. Every start gets a
 * fresh copy (a new writable layer), which is why a container restart loses what it wrote.
 */
const baseDirs = [
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/proc',
  '/root',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/var',
  '/var/log',
];

const imageFiles: Array<[pattern: RegExp, files: Record<string, string>]> = [
  [
    /(^|\/)nginx(:|$)/,
    {
      '/usr/share/nginx/html/index.html':
        '<!DOCTYPE html>\n<html>\n<head><title>Welcome to nginx!</title></head>\n<body><h1>Welcome to nginx!</h1></body>\n</html>\n',
      '/etc/nginx/nginx.conf': 'user nginx;\nworker_processes auto;\n',
    },
  ],
  [/(^|\/)(postgres|mysql|redis)(:|$)/, { '/var/lib/data/.keep': '' }],
];

export function imageFilesystem(image: string, hostname: string): FsTree {
  const tree: FsTree = { '/': { type: 'dir' } };
  for (const dir of baseDirs) tree[dir] = { type: 'dir' };
  tree['/etc/hostname'] = { type: 'file', content: `${hostname}\n` };
  tree['/etc/os-release'] = { type: 'file', content: `NAME="Kube Volume Lab image"\nIMAGE="${image}"\n` };
  for (const [pattern, files] of imageFiles) {
    if (!pattern.test(image)) continue;
    for (const [path, content] of Object.entries(files)) {
      const parts = path.split('/').filter(Boolean);
      let current = '';
      for (const part of parts.slice(0, -1)) {
        current += `/${part}`;
        tree[current] ??= { type: 'dir' };
      }
      tree[path] = { type: 'file', content };
    }
  }
  return tree;
}

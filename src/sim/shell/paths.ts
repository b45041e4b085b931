/** Path arithmetic for the shell: every path handed to a ShellFs is absolute and normalised. */

/**
 * Resolves `path` against `cwd` and normalises `.`, `..` and repeated slashes (`..` at the root
 * stays at the root, as in the kernel). An empty path names nothing, like open(""): undefined.
 */
export function resolvePath(cwd: string, path: string): string | undefined {
  if (path === '') return undefined;
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function baseName(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/** `child` is `dir` itself or lies below it. */
export function isWithin(child: string, dir: string): boolean {
  return dir === '/' || child === dir || child.startsWith(`${dir}/`);
}

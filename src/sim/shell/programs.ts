/** The programs a container image provides (a busybox-like set), found by name or by /bin path. */
import { baseName, parentPath, resolvePath } from './paths.ts';
import { filePrograms } from './prog-files.ts';
import { ls } from './prog-ls.ts';
import { systemPrograms } from './prog-system.ts';
import { textPrograms } from './prog-text.ts';
import type { Program } from './program.ts';

const PROGRAMS: Record<string, Program> = { ...textPrograms, ...filePrograms, ...systemPrograms, ls };

/** Where busybox images link their applets; a program named by path must live in one of these. */
const BIN_DIRS = new Set(['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin']);

const SHELLS = new Set(['sh', 'ash', 'bash']);

/** The applet a command word names: `ls`, `/bin/ls`; undefined for any other path. */
function appletName(word: string): string | undefined {
  if (!word.includes('/')) return word;
  const path = resolvePath('/', word);
  return path !== undefined && BIN_DIRS.has(parentPath(path)) ? baseName(path) : undefined;
}

export function findProgram(word: string): Program | undefined {
  const name = appletName(word);
  return name !== undefined && Object.hasOwn(PROGRAMS, name) ? PROGRAMS[name] : undefined;
}

export function isShell(word: string): boolean {
  const name = appletName(word);
  return name !== undefined && SHELLS.has(name);
}

/** Shell builtins report their own errors as `sh:` (an ENOSPC on `echo > f` is `sh: write error: …`). */
const BUILTINS = new Set(['echo', 'pwd', 'true', 'false', ':', 'cd', 'exit']);

export function writerName(word: string): string {
  // `/bin/echo` is the external applet, not the builtin.
  return !word.includes('/') && BUILTINS.has(word) ? 'sh' : (appletName(word) ?? word);
}

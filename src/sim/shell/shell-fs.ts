import type { FsEntryType } from '../node/fs-tree.ts';

/** Errors a file operation can hit, named like errno so the shell can print busybox's wording. */
export type FsError = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'EROFS' | 'ENOSPC' | 'ENOTEMPTY' | 'EBUSY';

export interface FsStat {
  type: FsEntryType;
  /** Bytes (file content length in UTF-8; 4096 for directories, 0 for special files). */
  size: number;
}

export interface DiskUsage {
  filesystem: string;
  sizeBytes: number;
  usedBytes: number;
  mountedOn: string;
}

/**
 * The filesystem a container sees: its writable layer with volumes mounted over it. The shell
 * behind `kubectl exec` works only through this interface; every path it passes is absolute and
 * normalised (no `.`/`..`, no trailing slash except `/`). Methods return an error code instead of
 * throwing. Mutating methods change the cluster's data (the engine applies them to the right disk).
 */
export interface ShellFs {
  stat(path: string): FsStat | undefined;
  readFile(path: string): string | FsError;
  /** Creates or replaces (append=false) / extends (append=true) a file; the parent must exist. */
  writeFile(path: string, content: string, append: boolean): FsError | undefined;
  /** Names (not paths) of a directory's entries, sorted. */
  readDir(path: string): string[] | FsError;
  mkdir(path: string, parents: boolean): FsError | undefined;
  remove(path: string, recursive: boolean): FsError | undefined;
  /** Filesystems visible in the container, for `df`. */
  diskFree(): DiskUsage[];
}

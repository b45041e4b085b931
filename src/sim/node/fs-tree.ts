/**
 * Where files really are. A disk's contents are a flat map from absolute path (inside that disk,
 * `/` being its root) to an entry. Plain JSON, so cluster snapshots stay cheap and serialisable.
 * Directories are explicit entries; a file's parent directories always exist.
 */
export type FsEntry =
  | { type: 'dir' }
  /** `chargedTo`: on a tmpfs, the container whose memory limit the file's pages count against. */
  | { type: 'file'; content: string; chargedTo?: string }
  | { type: 'socket' }
  | { type: 'char' }
  | { type: 'block' };

export type FsTree = Record<string, FsEntry>;

export type FsEntryType = FsEntry['type'];

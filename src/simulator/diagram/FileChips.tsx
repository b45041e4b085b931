import { useSimText } from '../sim-context.tsx';

/** Files named on the diagram before "+N more". */
const shown = 3;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1) || path;

/**
 * The files a storage location holds, by name: a few chips, then "+N more". Files a move wiped
 * are drawn struck through, and the card says how many were lost (never colour alone). The full paths and
 * contents are in the inspector.
 */
export function FileChips({ names, lost = [] }: { names: readonly string[]; lost?: readonly string[] }) {
  const t = useSimText();
  const chips = [
    ...lost.map((path) => ({ path, lost: true })),
    ...names.map((path) => ({ path, lost: false })),
  ];
  if (chips.length === 0) return <span className="kvl-chips kvl-muted">{t.noFiles}</span>;
  return (
    <span className="kvl-chips">
      {chips.slice(0, shown).map(({ path, lost: wiped }) =>
        wiped ? (
          <del key={`lost:${path}`} className="kvl-chip is-lost" title={path}>
            {baseName(path)}
            <span className="visually-hidden"> ({t.lostWord})</span>
          </del>
        ) : (
          <span key={path} className="kvl-chip" title={path}>
            {baseName(path)}
          </span>
        ),
      )}
      {chips.length > shown ? (
        <span className="kvl-chip-more">{t.moreFiles(chips.length - shown)}</span>
      ) : null}
    </span>
  );
}

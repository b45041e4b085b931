import { useMemo } from 'react';
import type { DiagramLabels } from '../model/diagram-types.ts';
import { useSimText } from '../sim-context.tsx';

/** The diagram's accessible names in the UI's language, one per kind of item. */
export function useLabels(): DiagramLabels {
  const t = useSimText();
  return useMemo(
    () => ({
      node: t.nodeLabel,
      pending: (data) => t.pendingLabel(data.pods),
      pod: t.podLabel,
      ghost: t.ghostLabel,
      dir: t.dirLabel,
      pvc: t.claimLabel,
      pv: t.volumeLabel,
      disk: t.diskLabel,
      sc: t.classLabel,
      edge: t.edgeLabel,
    }),
    [t],
  );
}

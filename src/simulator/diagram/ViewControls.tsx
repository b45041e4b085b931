import { useReactFlow } from '@xyflow/react';
import { useSimText } from '../sim-context.tsx';

/**
 * Zoom in, zoom out and back to the laid-out view, in a bar above the canvas (so they never
 * cover a node's badges), named and titled in the learner's language.
 */
export function ViewControls({ onReset }: { onReset: () => void }) {
  const t = useSimText();
  const flow = useReactFlow();
  return (
    <div className="kvl-view-controls" role="toolbar" aria-label={t.viewControls}>
      <button type="button" className="kvl-button" title={t.zoomIn} onClick={() => flow.zoomIn()}>
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">{t.zoomIn}</span>
      </button>
      <button type="button" className="kvl-button" title={t.zoomOut} onClick={() => flow.zoomOut()}>
        <span aria-hidden="true">−</span>
        <span className="visually-hidden">{t.zoomOut}</span>
      </button>
      <button type="button" className="kvl-button" onClick={onReset}>
        {t.resetView}
      </button>
    </div>
  );
}

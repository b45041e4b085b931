import './playback.css';
import { useId } from 'react';
import { finalStage } from '../store/sim-store.ts';
import { useSim, useSimStore, useSimText } from './sim-context.tsx';

/**
 * The caption of a move being played — the old pod terminating, its replacement, what happened to
 * the data — over the top of the diagram, each stage in turn, the last one included. Step by step,
 * the control that shows the next stage (and, after the last, closes the caption) sits beside it;
 * PageDown, → and Space do the same from anywhere in the simulator. On a timer the caption is
 * decoration (the live region says what the move did), so screen readers skip it.
 */
export function PlaybackBar() {
  const t = useSimText();
  const store = useSimStore();
  const playing = useSim((s) => s.playing);
  const stage = useSim((s) => s.stage);
  const stepping = useSim((s) => s.speed === 'step');
  const captionId = useId();
  if (!playing) return null;
  return (
    <div className={`kvl-playback${stepping ? ' is-stepping' : ''}`}>
      <p id={captionId} className="kvl-playback-caption" aria-hidden={stepping ? undefined : true}>
        {t.stageCaptions[stage]}
      </p>
      {stepping ? (
        <button
          type="button"
          className="kvl-button is-primary kvl-playback-next"
          aria-describedby={captionId}
          aria-keyshortcuts="PageDown ArrowRight Space"
          onClick={() => store.getState().nextStage()}
        >
          {stage < finalStage ? t.nextStep : t.close}
        </button>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import { useLocale } from '../i18n/locale-context.tsx';
import { sandboxPath } from '../routing/paths.ts';
import { encodeSetup, shareParam } from '../routing/share-link.ts';
import { canRedo, canUndo, type PlaybackSpeed, selectCluster } from '../store/sim-store.ts';
import { useSim, useSimStore, useSimText } from './sim-context.tsx';

const speeds: PlaybackSpeed[] = ['normal', 'slow', 'step', 'instant'];

/** Copies a link to this cluster (the sandbox with the setup script) and shows it in a field. */
function ShareLink({ onAnnounce }: { onAnnounce: (text: string) => void }) {
  const t = useSimText();
  const store = useSimStore();
  const id = useId();
  const { locale } = useLocale();
  const [link, setLink] = useState<string | undefined>(undefined);
  const share = () => {
    const url = `${window.location.origin}${sandboxPath(locale)}?${shareParam}=${encodeSetup(store.getState().shareScript())}`;
    setLink(url);
    // The field below shows the link too, for browsers that refuse the clipboard.
    if (!navigator.clipboard) onAnnounce(t.linkShown);
    else
      navigator.clipboard.writeText(url).then(
        () => onAnnounce(t.linkCopied),
        () => onAnnounce(t.linkShown),
      );
  };
  return (
    <>
      <button type="button" className="kvl-button" onClick={share}>
        {t.shareLink}
      </button>
      {link ? (
        <>
          <label htmlFor={`${id}-link`} className="visually-hidden">
            {t.shareLinkLabel}
          </label>
          <input
            id={`${id}-link`}
            className="kvl-share-link"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      ) : null}
    </>
  );
}

/**
 * Undo, redo, reset, history, playback speed and cluster-wide actions (a move's step-by-step
 * control sits beside its caption, in the playback bar).
 *
 * Undo and redo stay focusable when there is nothing to undo (aria-disabled, not disabled): a
 * button that disables itself under the keyboard would drop focus to the page.
 */
export function Toolbar({ onAnnounce = () => {} }: { onAnnounce?: (text: string) => void }) {
  const t = useSimText();
  const store = useSimStore();
  const undoable = useSim(canUndo);
  const redoable = useSim(canRedo);
  const speed = useSim((s) => s.speed);
  const index = useSim((s) => s.index);
  const history = useSim((s) => s.history);
  const inputs = history.map((p) => p.input);
  const nodeNames = useSim((s) => Object.keys(selectCluster(s).machines).join(' '));
  const id = useId();
  const nextNode = () => {
    const taken = new Set(nodeNames.split(' '));
    let n = 1;
    while (taken.has(`node-${n}`)) n++;
    return `node-${n}`;
  };
  return (
    <div className="kvl-toolbar" role="toolbar" aria-label={t.toolbarLabel}>
      <button
        type="button"
        className="kvl-button"
        onClick={() => store.getState().undo()}
        aria-disabled={!undoable}
        title={t.undoHint}
        aria-keyshortcuts="Control+Z"
      >
        <span aria-hidden="true">↶ </span>
        {t.undo}
      </button>
      <button
        type="button"
        className="kvl-button"
        onClick={() => store.getState().redo()}
        aria-disabled={!redoable}
        title={t.redoHint}
        aria-keyshortcuts="Control+Shift+Z"
      >
        <span aria-hidden="true">↷ </span>
        {t.redo}
      </button>
      <button type="button" className="kvl-button" onClick={() => store.getState().reset()}>
        {t.reset}
      </button>
      <label htmlFor={`${id}-history`} className="visually-hidden">
        {t.historyLabel(index, inputs.length - 1)}
      </label>
      <select
        id={`${id}-history`}
        className="kvl-select"
        value={index}
        onChange={(e) => store.getState().jumpTo(Number(e.target.value))}
      >
        {inputs.map((input, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history points are identified by position
          <option key={i} value={i}>
            {i === 0 ? t.historyStart : `${i}. ${(input?.split('\n')[0] ?? '').slice(0, 48)}`}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="kvl-button"
        onClick={() => store.getState().run(`sim node add ${nextNode()}`)}
      >
        {t.addNode}
      </button>
      <button type="button" className="kvl-button" onClick={() => store.getState().run('sim advance 5m')}>
        {t.advance}
      </button>
      <label htmlFor={`${id}-speed`}>{t.speed}</label>
      <select
        id={`${id}-speed`}
        className="kvl-select"
        value={speed}
        onChange={(e) => store.getState().setSpeed(e.target.value as PlaybackSpeed)}
      >
        {speeds.map((s) => (
          <option key={s} value={s}>
            {t.speeds[s]}
          </option>
        ))}
      </select>
      <ShareLink onAnnounce={onAnnounce} />
    </div>
  );
}

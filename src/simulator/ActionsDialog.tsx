import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { selectCluster } from '../store/sim-store.ts';
import type { ItemData } from './model/diagram-types.ts';
import { type ItemAction, itemActions, writeCommand } from './model/item-actions.ts';
import { useSim, useSimStore, useSimText } from './sim-context.tsx';

interface ActionsDialogProps {
  /** The diagram item whose actions are shown. */
  id: string;
  data: ItemData;
  title: string;
  onClose: () => void;
}

/**
 * An item's actions as a small dialog: each button shows the command it runs, so the learner
 * picks up kubectl. Escape closes it and gives focus back to where it was opened from.
 */
export function ActionsDialog({ data, title, onClose }: ActionsDialogProps) {
  const t = useSimText();
  const store = useSimStore();
  const cluster = useSim(selectCluster);
  const actions = itemActions(cluster, data);
  const [moving, setMoving] = useState(false);
  const [writing, setWriting] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('.kvl-action-list button')?.focus();
  }, []);
  useEffect(() => {
    if (moving) dialog.current?.querySelector<HTMLElement>('[data-move-target]')?.focus();
  }, [moving]);

  const run = (command: string) => {
    onClose();
    store.getState().run(command);
  };

  return (
    <div
      ref={dialog}
      role="dialog"
      aria-labelledby={headingId}
      className="kvl-actions"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="kvl-panel-head">
        <h3 id={headingId}>{t.actionsFor(title)}</h3>
        <button type="button" className="kvl-button kvl-close" onClick={onClose} aria-label={t.close}>
          ✕
        </button>
      </div>
      <ul className="kvl-action-list">
        {actions.map((action) => (
          <ActionItem
            key={action.kind === 'command' ? `${action.id}-${action.arg ?? ''}` : action.kind}
            action={action}
            moving={moving}
            writing={writing}
            onToggleMove={() => setMoving((m) => !m)}
            onToggleWrite={() => setWriting((w) => !w)}
            run={run}
            namespace={data.kind === 'pod' ? data.namespace : 'default'}
          />
        ))}
      </ul>
    </div>
  );
}

function ActionItem(props: {
  action: ItemAction;
  moving: boolean;
  writing: boolean;
  onToggleMove: () => void;
  onToggleWrite: () => void;
  run: (command: string) => void;
  namespace: string;
}) {
  const { action, run } = props;
  const t = useSimText();
  const commandId = useId();
  if (action.kind === 'command') {
    return (
      <li>
        <button
          type="button"
          className="kvl-button"
          onClick={() => run(action.command)}
          aria-describedby={commandId}
        >
          {t.actionLabels[action.id](action.arg ?? '')}
        </button>
        <code id={commandId} className="kvl-command-preview">
          {action.command}
        </code>
      </li>
    );
  }
  if (action.kind === 'move') {
    return (
      <li>
        <button
          type="button"
          className="kvl-button"
          aria-expanded={props.moving}
          onClick={props.onToggleMove}
        >
          {t.moveTo}
        </button>
        {props.moving ? (
          <fieldset className="kvl-move-targets">
            <legend>{t.chooseNode}</legend>
            {action.targets.map((target, index) => (
              <div key={target.node}>
                <button
                  type="button"
                  className="kvl-button"
                  data-move-target={index === 0 ? '' : undefined}
                  onClick={() => run(target.command)}
                >
                  {t.moveToNode(target.node)}
                </button>{' '}
                <code className="kvl-command-preview">{target.command}</code>
              </div>
            ))}
          </fieldset>
        ) : null}
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        className="kvl-button"
        aria-expanded={props.writing}
        onClick={props.onToggleWrite}
      >
        {t.writeFile}
      </button>
      {props.writing ? <WriteForm action={action} run={run} namespace={props.namespace} /> : null}
    </li>
  );
}

function WriteForm({
  action,
  run,
  namespace,
}: {
  action: Extract<ItemAction, { kind: 'write' }>;
  run: (command: string) => void;
  namespace: string;
}) {
  const t = useSimText();
  const targets = action.containers.flatMap((c) => [
    ...c.mountPaths.map((path) => ({ container: c.name, path })),
    { container: c.name, path: '/tmp' },
  ]);
  const [target, setTarget] = useState(0);
  const [file, setFile] = useState('note.txt');
  const [text, setText] = useState('hello');
  const [error, setError] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = targets[target];
    const command = chosen
      ? writeCommand(action.pod, namespace, chosen.container, chosen.path, file, text)
      : undefined;
    if (!command) {
      setError(t.badFile);
      return;
    }
    run(command);
  };
  return (
    <form className="kvl-write-form" onSubmit={submit}>
      <label htmlFor={`${id}-dir`}>{t.mountPath}</label>
      <select id={`${id}-dir`} value={target} onChange={(e) => setTarget(Number(e.target.value))}>
        {targets.map((option, index) => (
          <option key={`${option.container}:${option.path}`} value={index}>
            {option.path} ({t.container} {option.container})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-file`}>{t.fileName}</label>
      <input id={`${id}-file`} value={file} onChange={(e) => setFile(e.target.value)} autoComplete="off" />
      <label htmlFor={`${id}-text`}>{t.fileText}</label>
      <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      {error ? (
        <p role="alert" className="kvl-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="kvl-button is-primary">
        {t.write}
      </button>
    </form>
  );
}

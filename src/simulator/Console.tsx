import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type LogEntry, resetInput, selectLog } from '../store/sim-store.ts';
import { useSim, useSimStore, useSimText } from './sim-context.tsx';

/** Whether the text starts a here-document (`<<EOF`, `<<'YAML'`) whose closing line is missing. */
export function hasOpenHereDocument(text: string): boolean {
  const lines = text.split('\n');
  let delimiter: string | undefined;
  for (const line of lines) {
    if (delimiter !== undefined) {
      if (line.trim() === delimiter) delimiter = undefined;
      continue;
    }
    const match = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(line);
    if (match) delimiter = match[2];
  }
  return delimiter !== undefined;
}

function Entry({ entry }: { entry: LogEntry }) {
  const t = useSimText();
  const { stdout, stderr, exitCode } = entry.result;
  return (
    <div className={`kvl-entry${exitCode !== 0 ? ' is-failed' : ''}`}>
      <pre className="kvl-entry-command">
        <span aria-hidden="true">$ </span>
        {entry.command}
      </pre>
      {stdout ? <pre className="kvl-entry-out">{stdout}</pre> : null}
      {stderr ? (
        <pre className="kvl-entry-err">
          <span className="visually-hidden">{t.errorOutput}: </span>
          {stderr}
        </pre>
      ) : null}
    </div>
  );
}

/**
 * The kubectl console: output exactly as the engine prints it, every diagram action included as
 * the command it ran. Enter runs; Shift+Enter adds a line; a pasted script (here-documents too)
 * runs as a script; ↑/↓ on the first/last line recall earlier inputs.
 */
export function Console() {
  const t = useSimText();
  const store = useSimStore();
  const history = useSim((s) => s.history);
  const index = useSim((s) => s.index);
  const log = useMemo(() => selectLog({ history, index }), [history, index]);
  const [input, setInput] = useState('');
  const [recall, setRecall] = useState<number | undefined>(undefined);
  const output = useRef<HTMLElement>(null);
  const id = useId();

  useEffect(() => {
    const element = output.current;
    if (element && log.length > 0) element.scrollTop = element.scrollHeight;
  }, [log]);

  const inputs = () =>
    store
      .getState()
      .history.slice(1, store.getState().index + 1)
      .flatMap((point) => (point.input && point.input !== resetInput ? [point.input] : []));

  const submit = () => {
    if (input.trim() === '') return;
    store.getState().run(input);
    setInput('');
    setRecall(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const field = event.currentTarget;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // An open here-document needs its closing line before the script can run: Enter adds a line.
      if (hasOpenHereDocument(field.value)) return;
      event.preventDefault();
      submit();
      return;
    }
    const before = field.value.slice(0, field.selectionStart);
    const after = field.value.slice(field.selectionEnd);
    const previous = inputs();
    if (event.key === 'ArrowUp' && !before.includes('\n') && previous.length > 0) {
      event.preventDefault();
      const next = recall === undefined ? previous.length - 1 : Math.max(0, recall - 1);
      setRecall(next);
      setInput(previous[next] ?? '');
    } else if (event.key === 'ArrowDown' && !after.includes('\n') && recall !== undefined) {
      event.preventDefault();
      const next = recall + 1;
      setRecall(next < previous.length ? next : undefined);
      setInput(next < previous.length ? (previous[next] ?? '') : '');
    }
  };

  return (
    <section className="kvl-console" aria-label={t.consoleLabel}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section ref={output} className="kvl-output" aria-label={t.outputLabel} tabIndex={0}>
        {log.length === 0 ? <p className="kvl-muted">{t.consoleEmpty}</p> : null}
        {log.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows or is cut at its end
          <Entry key={index} entry={entry} />
        ))}
      </section>
      <form
        className="kvl-prompt"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-command`} className="kvl-prompt-label">
          {t.commandLabel}
        </label>
        <textarea
          id={`${id}-command`}
          className="kvl-command-input"
          value={input}
          rows={Math.min(8, Math.max(1, input.split('\n').length))}
          onChange={(event) => {
            setInput(event.target.value);
            setRecall(undefined);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={`${id}-help`}
          placeholder="kubectl get pods -o wide"
        />
        <button type="submit" className="kvl-button is-primary">
          {t.run}
        </button>
        <p id={`${id}-help`} className="kvl-help">
          {t.commandHelp}
        </p>
      </form>
    </section>
  );
}

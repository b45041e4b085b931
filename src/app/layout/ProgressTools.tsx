import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { progressActions, useProgress } from '../../progress/progress-store.ts';

/** Export, import and reset of saved progress; bad files change nothing and say why. */
export function ProgressTools() {
  const { t } = useLocale();
  const { notice } = useProgress();
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const exportFile = () => {
    const blob = new Blob([progressActions.export()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'kube-volume-lab-progress.json';
    link.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = file.size > 1_000_000 ? '' : await file.text();
    const result = progressActions.import(text);
    setMessage(
      result.ok
        ? { text: t.progressImported, error: false }
        : { text: t.progressImportFailed(result.reason), error: true },
    );
  };

  return (
    <div className="progress-panel">
      <p className="outline-chapter">{t.progressTitle}</p>
      {notice === 'reset' ? (
        <p className="notice" role="alert">
          {t.progressWasReset}{' '}
          <button type="button" className="link-button" onClick={() => progressActions.dismissNotice()}>
            {t.dismiss}
          </button>
        </p>
      ) : null}
      <div className="progress-tools">
        <button type="button" className="button" onClick={exportFile}>
          {t.progressExport}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t.progressImport}
        </button>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t.progressImport}
          onChange={importFile}
        />
        {confirming ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                progressActions.reset();
                setConfirming(false);
                setMessage({ text: t.progressResetDone, error: false });
              }}
            >
              {t.progressResetConfirm}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t.progressReset}
          </button>
        )}
      </div>
      <p role="status" className={message?.error ? 'progress-message is-error' : 'progress-message'}>
        {message?.text}
      </p>
    </div>
  );
}

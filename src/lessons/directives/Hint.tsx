import { useLocale } from '../../i18n/locale-context.tsx';
import type { DirectiveProps } from './registry.tsx';

/** A hint stays closed until the learner asks for it (a native disclosure: keyboard and AT work). */
export function Hint({ attributes, children }: DirectiveProps) {
  const { t } = useLocale();
  return (
    <details className="hint">
      <summary>{attributes.title ? `${t.directiveHint}: ${attributes.title}` : t.directiveHint}</summary>
      <div className="hint-body">{children}</div>
    </details>
  );
}

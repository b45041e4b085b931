import { useId } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { Messages } from '../../i18n/messages/index.ts';
import type { DirectiveProps } from './registry.tsx';

type Variant = 'learn' | 'note' | 'warning' | 'recap';

const labelKey: Record<Variant, keyof Messages> = {
  learn: 'directiveLearn',
  note: 'directiveNote',
  warning: 'directiveWarning',
  recap: 'directiveRecap',
};

/** Glyphs give every variant a shape of its own, so colour is never the only signal. */
const icon: Record<Variant, string> = {
  learn: 'M3 4.5 8 2l5 2.5L8 7 3 4.5Zm2 1.5v3c0 1 1.5 2 3 2s3-1 3-2V6',
  note: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM8 7v4.5M8 4.5v.5',
  warning: 'M8 1.8 14.6 13.5H1.4L8 1.8ZM8 6v3.5M8 11.3v.5',
  recap: 'M3 4h10M3 8h10M3 12h6',
};

/** A labelled aside: "You will learn", Note, Warning, Recap. */
export function Callout({ variant, attributes, children }: DirectiveProps & { variant: Variant }) {
  const { t } = useLocale();
  const headingId = useId();
  const label = attributes.title || (t[labelKey[variant]] as string);
  return (
    <aside className={`callout callout-${variant}`} aria-labelledby={headingId}>
      <p className="callout-title" id={headingId}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d={icon[variant]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        {label}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}

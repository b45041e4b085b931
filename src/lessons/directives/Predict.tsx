import { useLocale } from '../../i18n/locale-context.tsx';
import { ChoiceBlock } from './ChoiceBlock.tsx';
import type { DirectiveProps } from './registry.tsx';

/** "Predict, then see": a guess first; the explanation (and the simulator after it) then show why. */
export function Predict({ attributes, children }: DirectiveProps) {
  const { t } = useLocale();
  return (
    <ChoiceBlock answer={Number(attributes.answer)} mode="predict" label={t.predictLabel}>
      {children}
    </ChoiceBlock>
  );
}

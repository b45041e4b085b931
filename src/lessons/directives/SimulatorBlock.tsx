import { useLocale } from '../../i18n/locale-context.tsx';
import { LazySimulator } from '../../simulator/LazySimulator.tsx';
import type { DirectiveProps } from './registry.tsx';

/** `::simulator{scenario="…"}`: a live cluster inside a lesson, loaded when the lesson is shown. */
export function SimulatorBlock({ attributes }: DirectiveProps) {
  const { t } = useLocale();
  return (
    <section className="simulator-block" aria-label={t.simulatorRegion}>
      <LazySimulator {...(attributes.scenario ? { scenario: attributes.scenario } : {})} />
    </section>
  );
}

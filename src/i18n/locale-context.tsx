import { createContext, type ReactNode, useContext } from 'react';
import { defaultLocale, type Locale } from './locales.ts';
import { type Messages, messages } from './messages/index.ts';

interface LocaleValue {
  locale: Locale;
  t: Messages;
}

const LocaleContext = createContext<LocaleValue>({ locale: defaultLocale, t: messages[defaultLocale] });

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={{ locale, t: messages[locale] }}>{children}</LocaleContext>;
}

/** The page's locale and its UI messages. */
export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}

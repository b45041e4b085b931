import type { Locale } from '../locales.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import type { Messages } from './types.ts';

export type { Messages };

/** Both locales are tiny, so both ship in the main bundle: switching language never waits. */
export const messages: Record<Locale, Messages> = { en, ko };

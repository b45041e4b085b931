import type { en } from './en.ts';

/** Every locale's messages have the English keys with the same shapes (strings or formatters). */
export type Messages = {
  readonly [Key in keyof typeof en]: (typeof en)[Key] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

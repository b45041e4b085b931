/**
 * What `kubectl get -o yaml` prints, byte for byte. printers/yaml.go calls sigs.k8s.io/yaml.Marshal,
 * which turns the JSON into go-yaml v2 values and marshals those. The rules below are ported from
 * go-yaml v2 (gopkg.in/yaml.v2): encode.go (which strings must be quoted), resolve.go (what a plain
 * scalar would read back as), sorter.go (key order) and emitterc.go (layout, quoting style, folding
 * long lines at 80 columns; its plain and single-quoted writers are kept as separate ports, as
 * upstream has them). The `yaml` npm package quotes and folds differently, hence this emitter.
 */
import { type Json, toJson } from './json-value.ts';

/** go-yaml's resolve table: plain words that would read back as a bool, null, float or merge key. */
const specialWords = new Set(
  [
    'y Y yes Yes YES true True TRUE on On ON',
    'n N no No NO false False FALSE off Off OFF',
    '~ null Null NULL',
    '.nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF',
  ]
    .join(' ')
    .split(' '),
);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseInt(s, 0, 64) syntax: decimal, 0x hex, 0o or leading-0 octal, 0b binary. */
const goInteger = /^[-+]?([1-9][0-9]*|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[0-7]*|0[bB][01]+)$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Go's daysIn (proleptic Gregorian calendar, so year 0 is a leap year). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** resolve.go parseTimestamp: the four layouts go-yaml tries with time.Parse. */
function isTimestamp(text: string): boolean {
  const match =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?))?$/.exec(
      text,
    );
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const hour = Number(match[4] ?? match[7] ?? 0);
  const minute = Number(match[5] ?? match[8] ?? 0);
  const second = Number(match[6] ?? match[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

/** Whether go-yaml would read this text, unquoted, as something other than a string. */
function resolvesToNonString(text: string): boolean {
  if (text === '') return true; // null
  const first = text[0] as string;
  const hint = /[+\-0-9]/.test(first) ? 'number' : 'yYnNtTfFoO~.'.includes(first) ? 'word' : undefined;
  if (hint === undefined) return false;
  if (specialWords.has(text)) return true;
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text);
  if (hint === 'word') return false;
  if (isTimestamp(text)) return true;
  const plain = text.replaceAll('_', '');
  if (goInteger.test(plain)) return true;
  // ParseFloat fails (ErrRange) on overflow, and the text then stays a string.
  return yamlStyleFloat.test(plain) && Number.isFinite(Number(plain));
}

// ---------------------------------------------------------------- YAML: numbers and keys

/** strconv.FormatFloat(value, 'g', -1, 64), as go-yaml prints floats (`1.5`, `1e+06`, `1e-05`). */
function goFormatFloatG(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) {
    const digits = Math.abs(exponent) < 10 ? `0${Math.abs(exponent)}` : String(Math.abs(exponent));
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return String(value);
}

/**
 * JSON numbers re-read by go-yaml: integers (up to uint64) print as integers, everything else as a
 * Go float.
 */
function yamlNumber(value: number): string {
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 64) return BigInt(value).toString();
  return goFormatFloatG(value);
}

const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);

/**
 * sorter.go keyList.Less for string keys: a "natural" order where runs of digits compare as
 * numbers (`node9` before `node10`) and non-letters sort before letters.
 */
function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai] as string); ai++)
      an = an * 10 + ((ar[ai]?.codePointAt(0) ?? 48) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi] as string); bi++)
      bn = bn * 10 + ((br[bi]?.codePointAt(0) ?? 48) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

const compareYamlKeys = (a: string, b: string): number =>
  yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;

// ---------------------------------------------------------------- YAML: scalar analysis

type Style = 'plain' | 'single' | 'double' | 'literal';

const isBreak = (ch: string | undefined): boolean =>
  ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** emitterc.go is_printable, by code point: what may appear unescaped. */
function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

const utf8Length = (text: string): number =>
  [...text].reduce((sum, ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return sum + (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);
  }, 0);

interface Analysis {
  multiline: boolean;
  plainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for block context (flow collections here are only `{}` and `[]`). */
function analyzeScalar(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) {
    return { multiline: false, plainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let indicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) indicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(ch.codePointAt(0) ?? 0)) special = true;
    const last = i === chars.length - 1;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch) || ch === '\0';
  });
  let plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) {
    plainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    plainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || indicators) plainAllowed = false;
  return { multiline: lineBreaks, plainAllowed, singleQuotedAllowed, blockAllowed };
}

/** encoder.stringv picks a style; yaml_emitter_select_scalar_style may then have to fall back. */
function selectStyle(requested: Style, analysis: Analysis, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain' && !analysis.plainAllowed) style = 'single';
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** The escapes of yaml_emitter_write_double_quoted_scalar (uppercase hex, like libyaml). */
const shortEscapes: Record<number, string> = {
  0: '0',
  7: 'a',
  8: 'b',
  9: 't',
  10: 'n',
  11: 'v',
  12: 'f',
  13: 'r',
  27: 'e',
  34: '"',
  92: '\\',
  133: 'N',
  160: '_',
  8232: 'L',
  8233: 'P',
};

function escapeFor(code: number): string {
  const short = shortEscapes[code];
  if (short !== undefined) return short;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

// ---------------------------------------------------------------- YAML: the emitter

const bestIndent = 2;
const bestWidth = 80;

interface Context {
  mapping?: boolean;
  simpleKey?: boolean;
}

/** The parts of go-yaml v2's yaml_emitter_t that block-style output depends on. */
class Emitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  // ---- low-level writes (put, put_break, write, write_break)

  private put(text: string) {
    this.out += text;
    this.column++;
  }

  private putBreak() {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(ch: string) {
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.put(ch);
      this.column = 0;
    }
  }

  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ) {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean) {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? bestIndent : 0;
    else if (!indentless) this.indent += bestIndent;
  }

  private restoreIndent() {
    this.indent = this.indents.pop() ?? -1;
  }

  // ---- nodes

  node(value: Json, context: Context) {
    if (value === null) this.scalar('null', 'plain', context);
    else if (typeof value === 'boolean') this.scalar(String(value), 'plain', context);
    else if (typeof value === 'number') this.scalar(yamlNumber(value), 'plain', context);
    else if (typeof value === 'string') this.scalar(value, requestedStyle(value), context);
    else if (Array.isArray(value)) this.sequence(value, context);
    else this.mapping(value);
  }

  private emptyCollection(open: string, close: string) {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: Json[], context: Context) {
    if (items.length === 0) return this.emptyCollection('[', ']');
    // A sequence that is a mapping value is not indented: `finalizers:\n- a`.
    this.increaseIndent(false, Boolean(context.mapping) && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, {});
    }
    this.restoreIndent();
  }

  private mapping(object: { [key: string]: Json }) {
    const keys = Object.keys(object).sort(compareYamlKeys);
    if (keys.length === 0) return this.emptyCollection('{', '}');
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      // yaml_emitter_check_simple_key: single-line keys of at most 128 bytes go before a plain ':'.
      if (!analyzeScalar(key).multiline && utf8Length(key) <= 128) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(object[key] as Json, { mapping: true });
    }
    this.restoreIndent();
  }

  private scalar(value: string, requested: Style, context: Context) {
    const style = selectStyle(requested, analyzeScalar(value), Boolean(context.simpleKey));
    const allowBreaks = !context.simpleKey;
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(value, allowBreaks);
    else if (style === 'single') this.singleQuoted(value, allowBreaks);
    else if (style === 'double') this.doubleQuoted(value, allowBreaks);
    else this.literal(value);
    this.restoreIndent();
  }

  // ---- scalar writers; long lines fold at a space once past column 80

  private plain(value: string, allowBreaks: boolean) {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(value: string, allowBreaks: boolean) {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        const fold = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
        if (allowBreaks && !spaces && this.column > bestWidth && fold) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(value: string, allowBreaks: boolean) {
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      const code = ch.codePointAt(0) ?? 0;
      if (!isPrintable(code) || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put('\\');
        for (const escaped of escapeFor(code)) this.put(escaped);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          // A folded line break reads back as one space; a second space must be escaped.
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string) {
    const chars = [...value];
    this.writeIndicator('|', true, false, false);
    // yaml_emitter_write_block_scalar_hints: an explicit indent when the text starts with a space
    // or break, and the chomping indicator for the trailing line breaks.
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(bestIndent), false, false, false);
    const lastIsBreak = isBreak(chars[chars.length - 1]);
    const chomp = !lastIsBreak ? '-' : chars.length === 1 || isBreak(chars[chars.length - 2]) ? '+' : '';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/**
 * encoder.stringv: multi-line text as a literal block; text that would read back as another type
 * (`"yes"`, `"123"`, `"2026-01-01T00:00:00Z"`, `""`) or as a YAML 1.1 base-60 number double-quoted;
 * anything else plain (the emitter may still single-quote it, e.g. `'*'`).
 */
function requestedStyle(value: string): Style {
  if (value.includes('\n')) return 'literal';
  if (resolvesToNonString(value) || base60Float.test(value)) return 'double';
  return 'plain';
}

/** `kubectl get -o yaml`: sigs.k8s.io/yaml (go-yaml v2) output for one object, ending with '\n'. */
export function toKubectlYaml(value: unknown): string {
  const emitter = new Emitter();
  emitter.node(toJson(value) ?? null, {});
  // yaml_emitter_emit_document_end: end the last line.
  emitter.writeIndent();
  return emitter.out;
}

/**
 * Label selectors: the `kubectl get -l` text syntax and the API's LabelSelector
 * (matchLabels + matchExpressions). The parser is a port of the lexer and recursive-descent parser
 * in k8s.io/apimachinery/pkg/labels/selector.go, so the same texts are accepted and errors read the
 * same; matching follows Requirement.Matches; conversion and printing follow
 * metav1.LabelSelectorAsSelector and metav1.FormatLabelSelector.
 */
import type { LabelSelector } from '../api/types.ts';
import { isQualifiedName, isValidLabelValue } from './validation.ts';

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals';
  values: string[];
}

// ---------------------------------------------------------------- lexer

type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

/** A Map, not an object literal: a key such as `constructor` must not find Object.prototype. */
const stringToToken = new Map<string, Token>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

interface Item {
  token: Token;
  literal: string;
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => ch.length === 1 && '=!(),><'.includes(ch);

/** Lexer.Lex, run to the end (Parser.scan). Go's lexer reads bytes and treats NUL as the end. */
function scanItems(text: string): Item[] {
  let pos = 0;
  const read = (): string => {
    if (pos >= text.length) return '\0';
    return text[pos++] as string;
  };
  const unread = () => {
    pos--;
  };
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: Item;
    if (ch === '\0') {
      item = { token: 'EndOfString', literal: '' };
    } else if (isSpecialSymbol(ch)) {
      unread();
      item = scanSpecialSymbol();
    } else {
      unread();
      item = scanIdentifierOrKeyword();
    }
    items.push(item);
    if (item.token === 'EndOfString') return items;
  }

  function scanIdentifierOrKeyword(): Item {
    let buffer = '';
    for (;;) {
      const ch = read();
      if (ch === '\0') break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        unread();
        break;
      }
      buffer += ch;
    }
    return { token: stringToToken.get(buffer) ?? 'Identifier', literal: buffer };
  }

  // The longest operator that can be read: `!=` rather than `!`, `==` rather than `=`.
  function scanSpecialSymbol(): Item {
    let last: Item | undefined;
    let buffer = '';
    for (;;) {
      const ch = read();
      if (ch === '\0') break;
      if (!isSpecialSymbol(ch)) {
        unread();
        break;
      }
      buffer += ch;
      const token = stringToToken.get(buffer);
      if (token) {
        last = { token, literal: buffer };
      } else if (last) {
        unread();
        break;
      }
    }
    return last ?? { token: 'Error', literal: `error expected: keyword found '${buffer}'` };
  }
}

// ---------------------------------------------------------------- errors

/** Go's %q for the strings that can reach an error message. */
function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** field.Invalid(path, value, detail).Error(). */
const invalid = (path: string, value: string, detail: string): string =>
  `${path}: Invalid value: ${goQuote(value)}: ${detail}`;

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, duplicates dropped. */
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
}

class ParseError extends Error {}

// ---------------------------------------------------------------- parser

/**
 * selection.Operator spellings, as parseOperator lists them when it finds something else. Gt and Lt
 * exist in Kubernetes (for numeric label values) but are not simulated; see parseOperator.
 */
const binaryOperators = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In the Values context, `in` and `notin` are ordinary words (`x in (in)`). */
  lookahead(values: boolean): Item {
    return this.asContext(this.items[this.position] as Item, values);
  }

  consume(values: boolean): Item {
    const item = this.items[this.position] as Item;
    // The last item is always EndOfString; never run past it.
    if (this.position < this.items.length - 1) this.position++;
    return this.asContext(item, values);
  }

  private asContext(item: Item, values: boolean): Item {
    if (values && (item.token === 'In' || item.token === 'NotIn')) return { ...item, token: 'Identifier' };
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { token, literal } = this.lookahead(true);
      if (token === 'Identifier' || token === 'DoesNotExist') {
        try {
          requirements.push(this.parseRequirement());
        } catch (error) {
          if (error instanceof ParseError)
            throw new ParseError(`unable to parse requirement: ${error.message}`);
          throw error;
        }
        const next = this.consume(true);
        if (next.token === 'EndOfString') return requirements;
        if (next.token === 'Comma') {
          const after = this.lookahead(true);
          if (after.token !== 'Identifier' && after.token !== 'DoesNotExist') {
            throw new ParseError(`found '${after.literal}', expected: identifier after ','`);
          }
        } else {
          throw new ParseError(`found '${next.literal}', expected: ',' or 'end of string'`);
        }
      } else if (token === 'EndOfString') {
        return requirements;
      } else {
        throw new ParseError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator();
    if (inferred === 'Exists' || inferred === 'DoesNotExist') return newRequirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'In' || operator === 'NotIn' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): the parsed values come back sorted and without duplicates.
    return newRequirement(key, operator, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator: 'Exists' | 'DoesNotExist' | undefined } {
    let operator: 'Exists' | 'DoesNotExist' | undefined;
    let item = this.consume(true);
    if (item.token === 'DoesNotExist') {
      operator = 'DoesNotExist';
      item = this.consume(true);
    }
    if (item.token !== 'Identifier') throw new ParseError(`found '${item.literal}', expected: identifier`);
    const keyErrors = isQualifiedName(item.literal);
    // The parser validates with a nil field path, which Go prints as "<nil>".
    if (keyErrors.length > 0) throw new ParseError(invalid('<nil>', item.literal, keyErrors.join('; ')));
    const next = this.lookahead(true).token;
    if ((next === 'EndOfString' || next === 'Comma') && operator !== 'DoesNotExist') operator = 'Exists';
    return { key: item.literal, operator };
  }

  private parseOperator(): Requirement['operator'] {
    const { token, literal } = this.consume(false);
    switch (token) {
      case 'In':
        return 'In';
      case 'NotIn':
        return 'NotIn';
      case 'Equals':
      case 'DoubleEquals':
        return 'Equals';
      case 'NotEquals':
        return 'NotEquals';
      case 'GreaterThan':
      case 'LessThan':
        // Kubernetes accepts `key>1` / `key<1` on integer values; this simulator's Requirement type
        // has no such operators, so say so plainly rather than silently mismatch.
        throw new ParseError(
          `operator '${literal}' (${token === 'GreaterThan' ? 'gt' : 'lt'}) is not supported here`,
        );
      default:
        throw new ParseError(`found '${literal}', expected: ${binaryOperators.join(', ')}`);
    }
  }

  /** `(a, b)`; `()` is the set holding the empty string. */
  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.token !== 'OpenPar') throw new ParseError(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.lookahead(true);
    if (token === 'Identifier' || token === 'Comma') {
      const values = this.parseIdentifiersList();
      // Upstream reports the literal seen before the list here, not the one found.
      if (this.consume(true).token !== 'ClosedPar') throw new ParseError(`found '${literal}', expected: ')'`);
      return values;
    }
    if (token === 'ClosedPar') {
      this.consume(true);
      return new Set(['']);
    }
    throw new ParseError(`found '${literal}', expected: ',', ')' or identifier`);
  }

  /** A comma-separated list where empty entries stand for the empty string (`(a,,b)`). */
  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { token, literal } = this.consume(true);
      if (token === 'Identifier') {
        values.add(literal);
        const next = this.lookahead(true);
        if (next.token === 'Comma') continue;
        if (next.token === 'ClosedPar') return values;
        throw new ParseError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token === 'Comma') {
        if (values.size === 0) values.add('');
        const next = this.lookahead(true).token;
        if (next === 'ClosedPar') {
          values.add('');
          return values;
        }
        if (next === 'Comma') values.add('');
        continue;
      }
      throw new ParseError(`found '${literal}', expected: ',', or identifier`);
    }
  }

  /** The single value after `=`, `==` or `!=`; nothing at all means the empty string. */
  private parseExactValue(): Set<string> {
    const next = this.lookahead(true).token;
    if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
    const { token, literal } = this.consume(true);
    if (token === 'Identifier') return new Set([literal]);
    throw new ParseError(`found '${literal}', expected: identifier`);
  }
}

/** labels.NewRequirement's checks on the values (the key was checked while parsing). */
function newRequirement(key: string, operator: Requirement['operator'], values: string[]): Requirement {
  const errors: string[] = [];
  values.forEach((value, index) => {
    const valueErrors = isValidLabelValue(value);
    if (valueErrors.length > 0)
      errors.push(invalid(`values[${index}][${key}]`, value, valueErrors.join('; ')));
  });
  if (errors.length > 0) throw new ParseError(aggregate(errors));
  return { key, operator, values };
}

const byKey = (a: Requirement, b: Requirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Parses kubectl's `-l` syntax: `app=web`, `app==web`, `tier!=db`, `env in (prod, staging)`,
 * `env notin (dev)`, `app`, `!app`, joined by commas. The empty string selects everything.
 * Requirements come back sorted by key, as labels.Parse returns them.
 */
export function parseSelector(text: string): { requirements: Requirement[] } | { error: string } {
  try {
    const requirements = new Parser(scanItems(text)).parse();
    return { requirements: requirements.sort(byKey) };
  } catch (error) {
    if (error instanceof ParseError) return { error: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------- matching

/**
 * Requirement.Matches for every requirement. NotIn and NotEquals match objects that lack the
 * key altogether, exactly like Kubernetes (`-l tier!=db` lists pods without a tier label).
 */
export function matchesRequirements(
  labels: Record<string, string> | undefined,
  requirements: Requirement[],
): boolean {
  const has = (key: string) => labels !== undefined && Object.hasOwn(labels, key);
  return requirements.every(({ key, operator, values }) => {
    switch (operator) {
      case 'In':
      case 'Equals':
        return has(key) && values.includes(labels?.[key] as string);
      case 'NotIn':
      case 'NotEquals':
        return !has(key) || !values.includes(labels?.[key] as string);
      case 'Exists':
        return has(key);
      case 'DoesNotExist':
        return !has(key);
      default:
        return false;
    }
  });
}

/**
 * The requirements of an API LabelSelector (LabelSelectorAsSelector): matchLabels become Equals,
 * matchExpressions keep their operator; sorted by key.
 */
export function labelSelectorRequirements(selector: LabelSelector): Requirement[] {
  const requirements: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
    key,
    operator: 'Equals',
    values: [value],
  }));
  for (const expression of selector.matchExpressions ?? []) {
    requirements.push({
      key: expression.key,
      operator: expression.operator,
      values: [...(expression.values ?? [])],
    });
  }
  return requirements.sort(byKey);
}

/**
 * Whether labels satisfy a selector. An absent or empty selector matches everything, which is what
 * the simulator's callers mean by it (a PVC without spec.selector can bind any PV).
 */
export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector | undefined,
): boolean {
  if (!selector) return true;
  return matchesRequirements(labels, labelSelectorRequirements(selector));
}

/** Requirement.String: `app=web`, `tier!=db`, `env in (a,b)`, `app`, `!app`; set values sorted. */
function formatRequirement({ key, operator, values }: Requirement): string {
  const list = [...values].sort().join(',');
  switch (operator) {
    case 'Equals':
      return `${key}=${list}`;
    case 'NotEquals':
      return `${key}!=${list}`;
    case 'In':
      return `${key} in (${list})`;
    case 'NotIn':
      return `${key} notin (${list})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return key;
  }
}

/** Whether labels.NewRequirement would accept this requirement from an API object. */
function isValidRequirement({ key, operator, values }: Requirement): boolean {
  if (isQualifiedName(key).length > 0) return false;
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return false;
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) return false;
  if (!['In', 'NotIn', 'Exists', 'DoesNotExist', 'Equals'].includes(operator)) return false;
  return values.every((value) => isValidLabelValue(value).length === 0);
}

/**
 * metav1.FormatLabelSelector, as `kubectl describe` prints selectors: `app=web,tier in (a,b)`,
 * `<none>` for an empty selector and `<error>` for one the API would reject.
 */
export function formatSelector(selector: LabelSelector): string {
  const requirements = labelSelectorRequirements(selector);
  if (!requirements.every(isValidRequirement)) return '<error>';
  const text = requirements.map(formatRequirement).join(',');
  return text.length === 0 ? '<none>' : text;
}

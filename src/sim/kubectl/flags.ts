import { refuse } from './command.ts';

export interface FlagSpec {
  /** Long name without dashes, e.g. `output`. */
  name: string;
  short?: string;
  /** A flag that takes a value (`-o yaml`, `--replicas=3`); otherwise a boolean switch. */
  value?: boolean;
  /** A boolean switch given as `--force=false` is allowed. */
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
  /** Everything after a bare `--` (kubectl exec's command). */
  rest?: string[];
}

/** Flags every kubectl command accepts. */
const globalFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', value: true },
  { name: 'all-namespaces', short: 'A' },
  { name: 'help', short: 'h' },
];

/**
 * Parses kubectl-style arguments (cobra/pflag rules): `--name=value`, `--name value`, `-o yaml`,
 * `-oyaml`, combined boolean shorthands, and `--` ending the flags. An unknown flag is refused
 * with pflag's wording.
 */
export function parseArgs(args: string[], specs: FlagSpec[], command: string): ParsedArgs {
  const all = [...specs, ...globalFlags];
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const usage = `\nSee '${command} --help' for usage.`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return { positional, flags, rest: args.slice(i + 1) };
    if (arg.startsWith('--')) {
      const [name = '', inline] = splitOnce(arg.slice(2), '=');
      const spec = all.find((s) => s.name === name);
      if (!spec) refuse(`error: unknown flag: --${name}${usage}`);
      if (spec.value) {
        const value = inline ?? args[++i];
        if (value === undefined) refuse(`error: flag needs an argument: --${name}${usage}`);
        flags.set(spec.name, value);
      } else {
        flags.set(spec.name, inline ?? 'true');
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const spec = all.find((s) => s.short === letter);
        if (!spec) refuse(`error: unknown shorthand flag: '${letter}' in ${arg}${usage}`);
        if (spec.value) {
          const inline = arg.slice(j + 1).replace(/^=/, '');
          const value = inline !== '' ? inline : args[++i];
          if (value === undefined) refuse(`error: flag needs an argument: '${letter}' in -${letter}${usage}`);
          flags.set(spec.name, value);
          break;
        }
        flags.set(spec.name, 'true');
      }
      continue;
    }
    positional.push(arg);
  }
  return { positional, flags };
}

export function flagOn(parsed: ParsedArgs, name: string): boolean {
  const value = parsed.flags.get(name);
  return value !== undefined && value !== 'false';
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

/** Only the `default` namespace exists in the simulated cluster. */
export function checkNamespace(parsed: ParsedArgs): string {
  const namespace = parsed.flags.get('namespace') ?? 'default';
  return namespace;
}

import { type Document, parseAllDocuments } from 'yaml';
import { kindApiVersions, kindSchemas } from './schema/kinds.ts';
import { normalizeQuantities, strictDecodeError } from './schema/strict-decode.ts';

export interface Manifest {
  /** The decoded object, exactly as written (not yet defaulted or validated). */
  object: Record<string, unknown> & { apiVersion: string; kind: string; metadata?: { name?: string } };
}

/** Manifests are refused whole: one bad document and nothing is applied. */
export type ParseResult = { manifests: Manifest[] } | { error: string };

const maxInputBytes = 1_000_000;

/**
 * YAML (or JSON) text → manifests, with kubectl's errors: YAML syntax errors name the line, an
 * object without kind/apiVersion or of an unknown kind is refused, strict decoding catches
 * unknown fields and wrong types. `source` is what kubectl calls the input (`STDIN`, a file name).
 */
export function parseManifests(text: string, source: string): ParseResult {
  if (text.length > maxInputBytes)
    return { error: `error: error reading ${source}: input is larger than 1MB` };
  if (text.includes('\u0000')) {
    return {
      error: `error: error parsing ${source}: error converting YAML to JSON: yaml: control characters are not allowed`,
    };
  }
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      version: '1.1',
      prettyErrors: false,
      uniqueKeys: true,
    }) as Document.Parsed[];
  } catch {
    return { error: `error: error parsing ${source}: error converting YAML to JSON: yaml: invalid document` };
  }
  if (!Array.isArray(documents)) documents = [documents];
  const manifests: Manifest[] = [];
  for (const document of documents) {
    const syntax = document.errors[0];
    if (syntax) {
      // kubectl splits the stream at `---` and decodes each document alone, so go-yaml counts
      // lines from the start of the failing document; its parser errors ("did not find expected
      // …") count from 0, its scanner errors from 1.
      let start = document.range?.[0] ?? 0;
      if (text.startsWith('---', start)) start = text.indexOf('\n', start) + 1 || start;
      const at = Math.max(start, syntax.pos?.[0] ?? start);
      const message = goYamlMessage(syntax.code, syntax.message);
      const zeroBased = message.startsWith('did not find expected');
      const line = text.slice(start, at).split('\n').length - (zeroBased ? 1 : 0);
      return {
        error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${Math.max(line, 1)}: ${message}`,
      };
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch {
      return {
        error: `error: error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing`,
      };
    }
    if (value === null || value === undefined) continue; // an empty document between `---` lines
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        error: `error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
      };
    }
    const object = value as Record<string, unknown>;
    const result = checkTypeInfo(object, source);
    if ('error' in result) return result;
    manifests.push({ object: result.object });
  }
  if (manifests.length === 0) return { error: `error: no objects passed to apply` };
  return { manifests };
}

function checkTypeInfo(
  object: Record<string, unknown>,
  source: string,
): { object: Manifest['object'] } | { error: string } {
  const kind = object.kind;
  const apiVersion = object.apiVersion;
  const validationError = (what: string) =>
    `error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`;
  if (typeof apiVersion !== 'string' || apiVersion === '')
    return { error: validationError('apiVersion not set') };
  if (typeof kind !== 'string' || kind === '') return { error: validationError('kind not set') };
  const metadata = object.metadata as { name?: unknown; namespace?: unknown } | undefined;
  const name = typeof metadata?.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : '';
  const schema = kindSchemas[kind];
  if (!schema || kindApiVersions[kind] !== apiVersion) {
    return {
      error: `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  }
  const decodeError = strictDecodeError(object, schema, kind);
  if (decodeError) {
    const verb = 'creating';
    return {
      error: `Error from server (BadRequest): error when ${verb} "${source}": ${kind} in version "${apiVersion.split('/').pop()}" cannot be handled as a ${kind}: ${decodeError}`,
    };
  }
  normalizeQuantities(object, schema);
  return { object: object as Manifest['object'] };
}

/** The `yaml` package's error codes, worded as go-yaml (which kubectl uses) words them. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'DUPLICATE_KEY':
      return `mapping key ${/"[^"]*"/.exec(message)?.[0] ?? 'value'} already defined`;
    case 'MISSING_CHAR':
      return 'did not find expected node content';
    case 'BAD_INDENT':
      return 'did not find expected key';
    case 'UNEXPECTED_TOKEN':
      return message.includes(':')
        ? 'mapping values are not allowed in this context'
        : 'did not find expected key';
    default:
      return 'did not find expected key';
  }
}

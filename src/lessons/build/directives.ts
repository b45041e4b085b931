import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { type DirectiveSpec, directiveSpecs, isDirectiveName } from '../directives/directive-specs.ts';

type DirectiveNode = ContainerDirective | LeafDirective | TextDirective;

const syntaxOf = { containerDirective: ':::', leafDirective: '::', textDirective: ':' } as const;
const kindOf = { containerDirective: 'container', leafDirective: 'leaf', textDirective: 'text' } as const;

/**
 * Checks one directive against the closed set and marks it for remark-rehype as a `:name` element
 * (rendered by the directive registry). Returns a problem to report, or undefined.
 */
export function checkDirective(node: DirectiveNode): string | undefined {
  const written = `${syntaxOf[node.type]}${node.name}`;
  if (!isDirectiveName(node.name)) {
    const known = Object.keys(directiveSpecs).join(', ');
    return `unknown directive "${written}" (known: ${known}; write "\\:" for a literal colon)`;
  }
  const spec: DirectiveSpec = directiveSpecs[node.name];
  if (spec.kind !== kindOf[node.type]) {
    const expected = spec.kind === 'container' ? `:::${node.name} … :::` : `::${node.name}{…}`;
    return `directive "${written}" must be written as ${expected}`;
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (!(key in spec.attributes)) return `directive "${written}" has no attribute "${key}"`;
    attributes[key] = value ?? '';
  }
  if (node.type === 'containerDirective') {
    // `:::hint[Title]`: remark-directive puts the label in a first paragraph marked directiveLabel.
    const first = node.children[0];
    if (first?.type === 'paragraph' && first.data?.directiveLabel) {
      if (!('title' in spec.attributes)) return `directive "${written}" takes no [label]`;
      attributes.title = first.children.map((child) => ('value' in child ? child.value : '')).join('');
      node.children.shift();
    }
  }
  for (const [key, required] of Object.entries(spec.attributes)) {
    if (required && !attributes[key]) return `directive "${written}" needs the attribute ${key}="…"`;
  }
  node.data = { ...node.data, hName: `:${node.name}`, hProperties: attributes };
  return undefined;
}

import type { ElementContent, Properties } from 'hast';
import type { RenderNode, RenderProps } from '../course-types.ts';

/** hast → the compact render tree: positions dropped, properties renamed to what React expects. */
export function toRenderNodes(nodes: ElementContent[], parentTag = ''): RenderNode[] {
  const out: RenderNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      // Whitespace between table parts is not allowed there by HTML (React warns); elsewhere it
      // may separate inline elements, so it stays.
      if (tableParts.has(parentTag) && node.value.trim() === '') continue;
      const previous = out[out.length - 1];
      if (typeof previous === 'string') out[out.length - 1] = previous + node.value;
      else out.push(node.value);
    } else if (node.type === 'element') {
      out.push([node.tagName, toProps(node.properties), ...toRenderNodes(node.children, node.tagName)]);
    }
  }
  return out;
}

/** hast keeps list-valued attributes as arrays; these few are comma-separated in HTML. */
const commaSeparated = new Set(['accept', 'coords', 'sizes', 'srcSet']);
const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

function toProps(properties: Properties): RenderProps | null {
  const props: RenderProps = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = reactPropName(key);
    if (Array.isArray(value)) props[name] = value.join(commaSeparated.has(key) ? ',' : ' ');
    else props[name] = value;
  }
  return Object.keys(props).length > 0 ? props : null;
}

/** hast names `ariaLabel` / `dataExternal`; React wants `aria-label` / `data-external`. */
function reactPropName(key: string): string {
  if (/^(aria|data)[A-Z]/.test(key)) return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return key;
}

import type { ElementContent, Properties } from 'hast';
import { find, html, svg } from 'property-information';
import type { RenderNode, RenderProps } from '../course-types.ts';

/** hast → the compact render tree: positions dropped, properties renamed to what React expects. */
export function toRenderNodes(nodes: ElementContent[], parentTag = '', svgParent = false): RenderNode[] {
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
      const inSvg = node.tagName === 'svg' || svgParent;
      out.push([
        node.tagName,
        toProps(node.properties, inSvg),
        ...toRenderNodes(node.children, node.tagName, inSvg),
      ]);
    }
  }
  return out;
}

/** hast keeps list-valued attributes as arrays; these few are comma-separated in HTML. */
const commaSeparated = new Set(['accept', 'coords', 'sizes', 'srcSet']);
const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

function toProps(properties: Properties, inSvg: boolean): RenderProps | null {
  const props: RenderProps = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = reactPropName(key, inSvg);
    if (Array.isArray(value)) props[name] = value.join(commaSeparated.has(key) ? ',' : ' ');
    else props[name] = value;
  }
  return Object.keys(props).length > 0 ? props : null;
}

/**
 * hast and React name properties differently: hast `ariaLabel` / `dataExternal` are React
 * `aria-label` / `data-external`; hast `strokeDashArray` (attribute `stroke-dasharray`) is React
 * `strokeDasharray`. React's rule: aria-/data- stay hyphenated, other hyphenated attributes are
 * camel-cased from the attribute name.
 */
function reactPropName(key: string, inSvg: boolean): string {
  const attribute = find(inSvg ? svg : html, key).attribute;
  if (/^(aria|data)-/.test(attribute)) return attribute;
  if (attribute.includes('-'))
    return attribute.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return key;
}

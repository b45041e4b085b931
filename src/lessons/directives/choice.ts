import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { DirectiveProps } from './registry.tsx';

/**
 * Splits a predict or question block's rendered children: the prompt, the options (the items of
 * its one list) and the explanation. The build guarantees one list and one explanation. The
 * explanation is recognised by its directive name (RenderTree passes it), not by comparing with
 * the Explain component, so this module needs no component.
 */
export function splitChoice(children: ReactNode): {
  prompt: ReactNode[];
  options: ReactNode[];
  explain: ReactNode;
} {
  const prompt: ReactNode[] = [];
  let options: ReactNode[] = [];
  let explain: ReactNode = null;
  for (const child of Children.toArray(children)) {
    if (isValidElement<DirectiveProps>(child) && child.props.directive === 'explain') explain = child;
    else if (isValidElement(child) && (child.type === 'ul' || child.type === 'ol') && options.length === 0) {
      const list = child as ReactElement<{ children?: ReactNode }>;
      options = Children.toArray(list.props.children)
        .filter((item): item is ReactElement<{ children?: ReactNode }> => isValidElement(item))
        .map((item) => item.props.children);
    } else if (typeof child !== 'string' || child.trim() !== '') prompt.push(child);
  }
  return { prompt, options, explain };
}

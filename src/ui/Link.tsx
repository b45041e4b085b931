import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../routing/history.ts';

interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  /** Called on hover and focus: a chance to start loading what the link leads to. */
  onIntent?: () => void;
}

/** An in-app link: a real <a> (open in new tab, copy link work) that navigates without a reload. */
export function Link({ href, onIntent, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const plainClick =
      event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainClick || props.target) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} onMouseEnter={onIntent} onFocus={onIntent} {...props} />;
}

import type { ComponentChildren } from 'preact';
import { navigate } from './router';

interface Props {
  href: string;
  class?: string;
  'aria-current'?: 'page';
  'aria-label'?: string;
  children: ComponentChildren;
}

/** An ordinary link (middle-click, long-press and screen readers work) that navigates in-app on a plain click. */
export function Link({ href, children, ...rest }: Props) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

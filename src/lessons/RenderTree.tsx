import { createElement, Fragment, type ReactNode } from 'react';
import { useLocale } from '../i18n/locale-context.tsx';
import { Link } from '../ui/Link.tsx';
import type { RenderElement, RenderNode, RenderProps } from './course-types.ts';
import { isDirectiveName } from './directives/directive-specs.ts';
import { directiveRegistry } from './directives/registry.tsx';

/** Renders a lesson's pre-built tree. Directives (`:name`) go through the one registry. */
export function RenderTree({ nodes }: { nodes: RenderNode[] }) {
  return <>{nodes.map((node, index) => renderNode(node, index))}</>;
}

function renderNode(node: RenderNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const [tag, props, ...children] = node;
  const content = children.length > 0 ? children.map(renderNode) : undefined;
  if (tag.startsWith(':')) {
    const name = tag.slice(1);
    if (!isDirectiveName(name)) return null; // the build rejects these; never crash a page on one
    const Directive = directiveRegistry[name];
    return (
      <Directive key={key} directive={name} attributes={(props ?? {}) as Record<string, string>}>
        {content}
      </Directive>
    );
  }
  if (tag === 'a') return <LessonLink key={key} props={props} content={content} />;
  if ((tag === 'h2' || tag === 'h3') && props?.id) return <Heading key={key} node={node} content={content} />;
  // A code block may scroll sideways: it must be reachable by keyboard to be scrolled.
  if (tag === 'pre') return createElement(tag, { key, ...props, tabIndex: 0 }, content);
  if (tag === 'input' && props?.type === 'checkbox')
    return <TaskCheckbox key={key} checked={Boolean(props.checked)} />;
  return createElement(tag, { key, ...props }, content);
}

function LessonLink({ props, content }: { props: RenderProps | null; content: ReactNode }) {
  const { t } = useLocale();
  const { href = '', 'data-external': external, ...rest } = props ?? {};
  if (external) {
    return (
      <a href={String(href)} {...rest} className="external-link">
        {content}
        <span className="visually-hidden">{` ${t.opensInNewTab}`}</span>
        <svg className="external-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M4.5 2.5h-2v7h7v-2M7 2.5h2.5V5M9.5 2.5 5.5 6.5" fill="none" stroke="currentColor" />
        </svg>
      </a>
    );
  }
  return (
    <Link href={String(href)} {...rest}>
      {content}
    </Link>
  );
}

/** Section headings get a visible "#" link so a learner can share a precise place. */
function Heading({ node, content }: { node: RenderElement; content: ReactNode }) {
  const { t } = useLocale();
  const [tag, props] = node;
  const id = String(props?.id);
  const text = plainText(node);
  return createElement(
    tag,
    { ...props, tabIndex: -1 },
    <Fragment>
      {content}
      <a className="heading-anchor" href={`#${id}`} aria-label={t.headingLink(text)}>
        #
      </a>
    </Fragment>,
  );
}

function TaskCheckbox({ checked }: { checked: boolean }) {
  const { t } = useLocale();
  return (
    <input type="checkbox" checked={checked} disabled aria-label={checked ? t.taskDone : t.taskNotDone} />
  );
}

function plainText(node: RenderNode): string {
  return typeof node === 'string'
    ? node
    : node
        .slice(2)
        .map((child) => plainText(child as RenderNode))
        .join('');
}

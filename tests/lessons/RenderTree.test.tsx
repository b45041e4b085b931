import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import type { RenderNode } from '../../src/lessons/course-types.ts';
import { RenderTree } from '../../src/lessons/RenderTree.tsx';

const renderTree = (nodes: RenderNode[], locale: 'en' | 'ko' = 'en') =>
  render(
    <LocaleProvider locale={locale}>
      <RenderTree nodes={nodes} />
    </LocaleProvider>,
  );

describe('rendering a pre-built lesson tree', () => {
  it('marks external links as opening a new tab, for screen readers too', () => {
    renderTree([
      [
        'a',
        {
          href: 'https://kubernetes.io/docs/',
          target: '_blank',
          rel: 'noopener noreferrer',
          'data-external': true,
        },
        'the docs',
      ],
    ]);
    const link = screen.getByRole('link', { name: /^the docs\s*\(opens in a new tab\)$/ });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('gives section headings a shareable anchor link', () => {
    renderTree([['h2', { id: 'why-volumes' }, 'Why volumes?']], 'ko');
    expect(screen.getByRole('heading', { level: 2, name: /Why volumes\?/ })).toHaveAttribute(
      'id',
      'why-volumes',
    );
    expect(screen.getByRole('link', { name: '“Why volumes?” 절로 바로 가는 링크' })).toHaveAttribute(
      'href',
      '#why-volumes',
    );
  });

  it('renders directives through the registry: callouts are labelled, hints start closed', async () => {
    const user = userEvent.setup();
    renderTree([
      [':warning', null, ['p', null, 'Deleting the claim deletes the disk.']],
      [':hint', { title: 'Look at the node' }, ['p', null, 'It is on node-2.']],
    ]);
    expect(screen.getByRole('complementary', { name: 'Warning' })).toHaveTextContent(
      'Deleting the claim deletes the disk.',
    );
    const hint = screen.getByText('Hint: Look at the node');
    expect(screen.getByText('It is on node-2.')).not.toBeVisible();
    await user.click(hint);
    expect(screen.getByText('It is on node-2.')).toBeVisible();
  });

  it('labels task-list checkboxes', () => {
    renderTree([
      [
        'ul',
        null,
        ['li', null, ['input', { type: 'checkbox', checked: true, disabled: true }], ' done item'],
      ],
    ]);
    expect(screen.getByRole('checkbox', { name: 'done' })).toBeChecked();
  });

  it('ignores an unknown directive instead of breaking the page', () => {
    renderTree([
      [':nonsense', null, 'x'],
      ['p', null, 'still here'],
    ]);
    expect(screen.getByText('still here')).toBeInTheDocument();
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { localeStorageKey } from '../../src/i18n/preferred-locale.ts';

function visit(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

beforeEach(() => {
  document.documentElement.removeAttribute('data-theme');
});

describe('the app shell', () => {
  it('shows a lesson with its outline, summary and reading time', async () => {
    visit('/en/what-is-kubernetes');
    expect(await screen.findByRole('heading', { level: 1, name: 'What is Kubernetes?' })).toBeInTheDocument();
    const outline = screen.getByRole('navigation', { name: 'Course outline' });
    expect(within(outline).getByRole('link', { name: /What is Kubernetes\?/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByText('7 minute read')).toBeInTheDocument();
    expect(await screen.findByRole('complementary', { name: 'You will learn' })).toBeInTheDocument();
    expect(document.title).toBe('What is Kubernetes? · Kube Volume Lab');
  });

  it('navigates through the outline without reloading, and focuses the new heading', async () => {
    const user = userEvent.setup();
    visit('/en/what-is-kubernetes');
    await screen.findByRole('heading', { level: 1, name: 'What is Kubernetes?' });
    const outline = screen.getByRole('navigation', { name: 'Course outline' });
    await user.click(within(outline).getByRole('link', { name: /Clusters and nodes/ }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Clusters and nodes' });
    expect(window.location.pathname).toBe('/en/cluster-and-nodes');
    await waitFor(() => expect(heading).toHaveFocus());
    const pager = screen.getByRole('navigation', { name: 'Lesson navigation' });
    expect(within(pager).getByRole('link', { name: /Previous.*What is Kubernetes\?/ })).toHaveAttribute(
      'href',
      '/en/what-is-kubernetes',
    );
  });

  it('switches to Korean on the same lesson and remembers the choice', async () => {
    const user = userEvent.setup();
    visit('/en/cluster-and-nodes');
    await user.click(screen.getByRole('link', { name: /^Language:\s*한국어$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '클러스터와 노드' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/ko/cluster-and-nodes');
    expect(localStorage.getItem(localeStorageKey)).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(screen.getByRole('navigation', { name: '코스 목차' })).toBeInTheDocument();
  });

  it('sends / to the course start in the remembered language', async () => {
    localStorage.setItem(localeStorageKey, 'ko');
    visit('/');
    expect(await screen.findByRole('heading', { level: 1, name: '쿠버네티스란?' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/ko/what-is-kubernetes');
  });

  it('shows a friendly not-found page with a way home', async () => {
    const user = userEvent.setup();
    visit('/en/no-such-lesson');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no page at \/en\/no-such-lesson/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the start of the course' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'What is Kubernetes?' })).toBeInTheDocument();
  });

  it('toggles the theme and remembers it', async () => {
    const user = userEvent.setup();
    visit('/en/what-is-kubernetes');
    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('kube-volume-lab:theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
  });

  it('opens and closes the outline panel from its button', async () => {
    const user = userEvent.setup();
    visit('/en/what-is-kubernetes');
    const toggle = screen.getByRole('button', { name: 'Show course outline' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('navigation', { name: 'Course outline' })).toHaveAttribute('data-open', 'true');
    // Choosing a lesson closes the panel.
    await user.click(
      within(screen.getByRole('navigation', { name: 'Course outline' })).getByRole('link', {
        name: /Clusters/,
      }),
    );
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Show course outline' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });
});

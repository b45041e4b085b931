import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

// A course whose second lesson has no Korean file yet.
vi.mock('virtual:course', () => {
  const both = { en: true, ko: true };
  return {
    course: {
      chapters: [{ id: 'basics', title: { en: 'Basics', ko: '기초' }, lessonIds: ['intro', 'pods'] }],
      order: ['intro', 'pods'],
      lessons: {
        intro: {
          id: 'intro',
          chapterId: 'basics',
          minutes: 3,
          tasks: [],
          quizQuestions: 0,
          title: { en: 'Intro', ko: '소개' },
          summary: { en: 'S', ko: '요약' },
          translated: both,
        },
        pods: {
          id: 'pods',
          chapterId: 'basics',
          minutes: 4,
          tasks: [],
          quizQuestions: 0,
          title: { en: 'Pods', ko: 'Pods' },
          summary: { en: 'Pods.', ko: 'Pods.' },
          translated: { en: true, ko: false },
        },
      },
    },
    lessonLoaders: {
      'en/intro': async () => ({ default: { body: ['Intro text'], headings: [] } }),
      'ko/intro': async () => ({ default: { body: ['소개 본문'], headings: [] } }),
      'en/pods': async () => ({
        default: { body: [['p', null, 'Pods are the smallest unit.']], headings: [] },
      }),
    },
  };
});

const { App } = await import('../../src/app/App.tsx');

describe('a lesson not yet translated', () => {
  it('shows the English text under a visible notice, in the Korean shell', async () => {
    window.history.replaceState(null, '', '/ko/pods');
    render(<App />);
    expect(await screen.findByText('Pods are the smallest unit.')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      '이 레슨은 아직 한국어로 옮기지 못해 영어 원문으로 보여 드립니다.',
    );
    expect(screen.getByText('Pods are the smallest unit.').closest('[lang]')).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('navigation', { name: '코스 목차' })).toBeInTheDocument();
  });

  it('shows a translated lesson without the notice', async () => {
    window.history.replaceState(null, '', '/ko/intro');
    render(<App />);
    expect(await screen.findByText('소개 본문')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});

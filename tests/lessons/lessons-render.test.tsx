import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import { loadCourse } from '../../src/lessons/build/load-course.ts';
import { RenderTree } from '../../src/lessons/RenderTree.tsx';

// Renders every real lesson with React in development mode, where React reports invalid markup
// (a <figure> inside a <p>, a misnamed SVG attribute) that a production build silently accepts.
const root = `${import.meta.dirname}/../..`;
const course = loadCourse(`${root}/content`, root);

afterEach(() => vi.restoreAllMocks());

describe('every lesson renders cleanly', () => {
  it.each(Object.entries(course.lessonFiles))('%s', (key, file) => {
    const errors = vi.spyOn(console, 'error');
    const document = course.documents.get(file);
    expect(document).toBeDefined();
    render(
      <LocaleProvider locale={key.startsWith('ko') ? 'ko' : 'en'}>
        <RenderTree nodes={document?.body ?? []} />
      </LocaleProvider>,
    );
    expect(errors).not.toHaveBeenCalled();
    expect(screen.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(0);
  });
});

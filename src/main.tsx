import { course } from 'virtual:course';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { parseRoute } from './app/routes.ts';
import { initTheme } from './app/theme.ts';
import { preferredLocale } from './i18n/preferred-locale.ts';
import { preloadLesson } from './lessons/lesson-documents.ts';
import './styles/index.css';

initTheme();

// Resolve `/` before the first render, and start fetching the lesson's chunk in parallel with it.
const route = parseRoute(window.location.pathname, course, preferredLocale);
if (route.kind === 'redirect') window.history.replaceState(null, '', route.to + window.location.hash);
const start = parseRoute(window.location.pathname, course, preferredLocale);
if (start.kind === 'lesson') preloadLesson(start.locale, start.lessonId);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

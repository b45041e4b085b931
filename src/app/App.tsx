import { course } from 'virtual:course';
import { useEffect } from 'react';
import { LocaleProvider } from '../i18n/locale-context.tsx';
import { preferredLocale } from '../i18n/preferred-locale.ts';
import { navigate, usePathname } from '../routing/history.ts';
import { Layout } from './layout/Layout.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SandboxPage } from './pages/SandboxPage.tsx';
import { parseRoute } from './routes.ts';

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname, course, preferredLocale);

  useEffect(() => {
    if (route.kind === 'redirect') navigate(route.to, { replace: true });
  }, [route]);

  if (route.kind === 'redirect') return null;
  const locale = route.locale ?? preferredLocale();
  return (
    <LocaleProvider locale={locale}>
      <Layout currentLessonId={route.kind === 'lesson' ? route.lessonId : undefined}>
        {route.kind === 'lesson' ? (
          <LessonPage key={`${route.locale}/${route.lessonId}`} lessonId={route.lessonId} />
        ) : route.kind === 'sandbox' ? (
          <SandboxPage />
        ) : (
          <NotFoundPage path={pathname} />
        )}
      </Layout>
    </LocaleProvider>
  );
}

import { expect, test } from './fixtures.ts';

test.describe('finding your way through the course', () => {
  test('/ leads to the first lesson, and the outline leads on', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/what-is-kubernetes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is Kubernetes?');

    const outline = page.getByRole('navigation', { name: 'Course outline' });
    await outline.getByRole('link', { name: /Clusters and nodes/ }).click();
    await expect(page).toHaveURL(/\/en\/cluster-and-nodes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clusters and nodes');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(outline.getByRole('link', { name: /Clusters and nodes/ })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await page
      .getByRole('navigation', { name: 'Lesson navigation' })
      .getByRole('link', { name: /Previous/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is Kubernetes?');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clusters and nodes');
  });

  test('switching to Korean keeps the lesson and is remembered', async ({ page }) => {
    await page.goto('/en/cluster-and-nodes');
    await page.getByRole('link', { name: 'Language: 한국어' }).click();
    await expect(page).toHaveURL(/\/ko\/cluster-and-nodes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('클러스터와 노드');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

    await page.goto('/');
    await expect(page).toHaveURL(/\/ko\/what-is-kubernetes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('쿠버네티스란?');
  });

  test('a deep link survives a reload, anchor included', async ({ page }) => {
    await page.goto('/ko/cluster-and-nodes#노드가-클러스터에-합류하는-방법');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('클러스터와 노드');
    await expect(
      page.getByRole('heading', { level: 2, name: /노드가 클러스터에 합류하는 방법/ }),
    ).toBeInViewport();
    const response = await page.request.get('/en/what-is-kubernetes');
    expect(response.status()).toBe(200);
  });

  test('an unknown path shows a friendly page with a way home', async ({ page }) => {
    await page.goto('/en/no-such-lesson');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the start of the course' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is Kubernetes?');

    await page.goto('/somewhere/else/entirely');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('external documentation links open safely in a new tab', async ({ page }) => {
    await page.goto('/en/cluster-and-nodes');
    const link = page.getByRole('link', { name: /Cluster components \(opens in a new tab\)/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });
});

test.describe('a first visit', () => {
  test.use({ locale: 'ko-KR' });

  test('follows a Korean browser to the Korean course', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/ko\/what-is-kubernetes$/);
    await expect(page.getByRole('navigation', { name: '코스 목차' })).toBeVisible();
  });
});

test.describe('themes', () => {
  test.use({ colorScheme: 'dark' });

  test('follow the system, and a toggled choice is remembered', async ({ page }) => {
    await page.goto('/en/what-is-kubernetes');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  });
});

test.describe('keyboard and small screens', () => {
  test('the skip link is the first stop and moves focus to the lesson', async ({ page }) => {
    await page.goto('/en/what-is-kubernetes');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('on a phone the outline hides behind a button', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/en/what-is-kubernetes');
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    await expect(outline).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Show course outline' });
    await toggle.click();
    await expect(outline).toBeVisible();
    await outline.getByRole('link', { name: /Clusters and nodes/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clusters and nodes');
    await expect(outline).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('on a phone Escape closes the outline and gives focus back to its button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/en/what-is-kubernetes');
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    const toggle = page.getByRole('button', { name: 'Show course outline' });
    await toggle.click();
    await expect(outline).toBeVisible();
    // From inside the panel (Tab into it)…
    await outline.getByRole('link', { name: /Clusters and nodes/ }).focus();
    await page.keyboard.press('Escape');
    await expect(outline).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // …and from the button itself, opened from the keyboard.
    await page.keyboard.press('Enter');
    await expect(outline).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(outline).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show course outline' })).toBeFocused();
  });
});

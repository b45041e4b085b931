import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { announcer, dragTo, node, openSimulator, pod, touchDragTo } from './simulator-helpers.ts';

// The lesson "Clusters and nodes" starts the scenario data-on-the-move: on node-1, pod cache
// keeps hits.txt in an emptyDir, logger keeps app.log in a hostPath directory, db keeps table.db
// on a local PersistentVolume.
const lesson = '/en/cluster-and-nodes';

test.describe('moving pods on the diagram', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('an emptyDir pod dragged to another node loses its file', async ({ page }) => {
    const sim = await openSimulator(page, lesson);
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-2'));
    await expect(announcer(sim)).toContainText(
      'Pod cache was recreated on node-2. Its emptyDir scratch started empty: 1 file lost.',
    );
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/Running on node-2/);
    // The wiped file is drawn by name, struck through.
    await expect(pod(sim, 'cache').locator('del')).toContainText('hits.txt');
    await expect(pod(sim, 'cache')).toContainText('1 file lost');
    await expect(sim.locator('.kvl-output')).toContainText('$ sim move cache --to node-2');
    // The inspector lists what the new pod sees: nothing in /cache.
    await pod(sim, 'cache').click();
    await expect(sim.getByRole('heading', { name: 'Pod cache' })).toBeVisible();
    await expect(sim.locator('.kvl-inspector')).not.toContainText('hits.txt');
  });

  test('a hostPath pod leaves its file on the old node and finds it again when it comes back', async ({
    page,
  }) => {
    const sim = await openSimulator(page, lesson);
    await dragTo(page, pod(sim, 'logger'), node(sim, 'node-2'));
    await expect(announcer(sim)).toContainText('1 file in /var/log/demo stayed behind on node-1.');
    await expect(
      sim.getByRole('button', { name: /^Directory \/var\/log\/demo on node-1's disk, 1 file, left behind/ }),
    ).toBeVisible();
    await expect(pod(sim, 'logger')).toContainText('hostPath logs · no files');
    // The file is drawn by name on the old node's disk.
    await expect(
      sim.getByRole('button', { name: /^Directory \/var\/log\/demo on node-1's disk/ }),
    ).toContainText('/var/log/demo · app.log');
    await dragTo(page, pod(sim, 'logger'), node(sim, 'node-1'));
    await expect(announcer(sim)).toContainText('Pod logger was recreated on node-1.');
    await expect(pod(sim, 'logger')).toContainText('hostPath logs · app.log');
    await pod(sim, 'logger').click();
    await expect(sim.locator('.kvl-inspector')).toContainText('app.log');
    await expect(sim.locator('.kvl-inspector')).toContainText('started');
  });

  test('a pod on a local volume is refused elsewhere, with the scheduler’s reason', async ({ page }) => {
    const sim = await openSimulator(page, lesson);
    await dragTo(page, pod(sim, 'db'), node(sim, 'node-2'));
    await expect(announcer(sim)).toContainText('The replacement db is Pending and cannot run on node-2');
    await expect(announcer(sim)).toContainText('its local volume lives on another node’s disk');
    await expect(pod(sim, 'db')).toHaveAccessibleName(/^Pod db, Pending/);
    await expect(sim.getByRole('group', { name: /^Not scheduled: 1 pod/ })).toBeVisible();
    await pod(sim, 'db').click();
    await expect(sim.locator('.kvl-inspector')).toContainText('1 node(s) had volume node affinity conflict');
  });

  test('dropping on empty canvas or on the same node changes nothing', async ({ page }) => {
    const sim = await openSimulator(page, lesson);
    const diagram = await sim.locator('.kvl-diagram').boundingBox();
    if (!diagram) throw new Error('no diagram');
    await dragTo(page, pod(sim, 'cache'), {
      x: diagram.x + diagram.width - 20,
      y: diagram.y + diagram.height - 40,
    });
    await expect(announcer(sim)).toContainText('Pod cache stays where it is.');
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-1'));
    await expect(announcer(sim)).toContainText('Pod cache stays where it is.');
    await expect(sim.getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-disabled', 'true');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
  });

  test('undo brings back the earlier picture, redo the later one', async ({ page }) => {
    const sim = await openSimulator(page, lesson);
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-3'));
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-3/);
    await sim.getByRole('button', { name: 'Undo' }).click();
    await expect(announcer(sim)).toContainText('Undone.');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
    await expect(pod(sim, 'cache')).toContainText('emptyDir scratch · hits.txt');
    await page.keyboard.press('Control+Shift+Z');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-3/);
  });
});

test.describe('undo and redo from the keyboard after any gesture', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('after a mouse drag, Control+z puts the pod back and Control+Shift+z moves it again', async ({
    page,
  }) => {
    const sim = await openSimulator(page, lesson);
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-2'));
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/Running on node-2/);
    // The dragged pod's element went away with the move: focus stays in the simulator.
    await expect.poll(() => sim.evaluate((root) => root.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect(announcer(sim)).toContainText('Undone.');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
    await page.keyboard.press('Control+Shift+z');
    await expect(announcer(sim)).toContainText('Redone.');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-2/);
    await page.keyboard.press('Meta+z');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
    await page.keyboard.press('Control+y');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-2/);
  });

  test('after a click on the canvas or a toolbar button, but never inside the command field', async ({
    page,
  }) => {
    const sim = await openSimulator(page, lesson);
    const command = sim.getByRole('textbox', { name: /^Command/ });
    await command.fill('sim move cache --to node-3');
    await command.press('Enter');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-3/);
    // In the command field, Control+z is the field's own text undo: it takes back the typing, and
    // the cluster stays as it is.
    await command.pressSequentially('kubectl get pods');
    await command.press('Control+z');
    await expect(command).not.toHaveValue('kubectl get pods');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-3/);
    await expect(sim.getByRole('button', { name: 'Redo' })).toHaveAttribute('aria-disabled', 'true');
    // A click on empty canvas (focus was outside the simulator before it).
    await page.locator('h1').click();
    const pane = sim.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no canvas');
    // Its right edge, half-way down, is empty canvas (the drawing is centred).
    await pane.click({ position: { x: box.width - 10, y: box.height / 2 } });
    await expect(sim).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/on node-1/);
    // A click on a toolbar button: the shortcuts work from there too.
    await sim.getByRole('button', { name: 'Add node' }).click();
    await expect(node(sim, 'node-4')).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(node(sim, 'node-4')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(node(sim, 'node-4')).toBeVisible();
  });
});

test.describe('step by step', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  const caption = (sim: Locator) => sim.locator('.kvl-playback-caption');

  test('every stage of a dragged pod, the last caption included, with Next beside it and with PageDown', async ({
    page,
  }) => {
    const sim = await openSimulator(page, lesson);
    await sim.getByRole('combobox', { name: 'Animation' }).selectOption('step');
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-2'));
    await expect(caption(sim)).toHaveText(
      'Step 1 of 3: the old pod is terminating. Kubernetes never moves a pod.',
    );
    const next = sim.getByRole('button', { name: 'Next step' });
    // Beside the caption: on the same row, just right of it.
    const [text, button] = [await caption(sim).boundingBox(), await next.boundingBox()];
    if (!text || !button) throw new Error('caption or Next not drawn');
    expect(button.x).toBeGreaterThanOrEqual(text.x + text.width - 1);
    expect(button.x - (text.x + text.width)).toBeLessThan(24);
    expect(Math.abs(button.y + button.height / 2 - (text.y + text.height / 2))).toBeLessThan(12);
    await next.click();
    await expect(caption(sim)).toHaveText('Step 2 of 3: a replacement pod is created and scheduled.');
    await next.click();
    await expect(caption(sim)).toHaveText('Step 3 of 3: see what happened to the data.');
    await expect(pod(sim, 'cache')).toContainText('1 file lost');
    await sim.getByRole('button', { name: 'Close' }).click();
    await expect(caption(sim)).toHaveCount(0);

    // The keys, from wherever in the simulator focus is (here: after the drag).
    await dragTo(page, pod(sim, 'cache'), node(sim, 'node-3'));
    await expect(caption(sim)).toHaveText(/^Step 1 of 3/);
    await page.keyboard.press('PageDown');
    await expect(caption(sim)).toHaveText(/^Step 2 of 3/);
    await page.keyboard.press('PageDown');
    await expect(caption(sim)).toHaveText('Step 3 of 3: see what happened to the data.');
    await page.keyboard.press('PageDown');
    await expect(caption(sim)).toHaveCount(0);
    await expect(pod(sim, 'cache')).toHaveAccessibleName(/Running on node-3/);
  });
});

test('the keyboard moves a pod: focus it, open its actions, choose the node', async ({ page }) => {
  const sim = await openSimulator(page, lesson);
  await pod(sim, 'cache').focus();
  await expect(pod(sim, 'cache')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = sim.getByRole('dialog', { name: 'Actions for pod cache' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Move to node…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Move to control-plane' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Move to node-3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(announcer(sim)).toContainText('Pod cache was recreated on node-3.');
  // Escape closes the dialog and gives focus back.
  await pod(sim, 'logger').focus();
  await page.keyboard.press('Enter');
  await expect(sim.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sim.getByRole('dialog')).toBeHidden();
  await expect(pod(sim, 'logger')).toBeFocused();
});

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 800, height: 1000 } });
  test('a finger drags a pod to another node', async ({ page }) => {
    const sim = await openSimulator(page, lesson);
    await touchDragTo(page, pod(sim, 'cache'), node(sim, 'node-2'));
    await expect(announcer(sim)).toContainText('Pod cache was recreated on node-2.');
  });
});

test('the console runs kubectl and keeps the cluster on bad input', async ({ page }) => {
  const sim = await openSimulator(page, lesson);
  const command = sim.getByRole('textbox', { name: /^Command/ });
  await command.fill('kubectl get pods -o wide');
  await command.press('Enter');
  const output = sim.locator('.kvl-output');
  await expect(output).toContainText('$ kubectl get pods -o wide');
  await expect(output).toContainText(/cache\s+1\/1\s+Running\s+0\s+0s\s+\S+\s+node-1/);
  await command.fill('kubectl frobnicate');
  await command.press('Enter');
  await expect(output).toContainText('error: unknown command "frobnicate" for "kubectl"');
  await command.press('ArrowUp');
  await expect(command).toHaveValue('kubectl frobnicate');
  await command.fill('kubectl delete pod cache');
  await command.press('Enter');
  await expect(pod(sim, 'cache')).toHaveCount(0);
  await expect(announcer(sim)).toContainText('Ran kubectl delete pod cache. pod "cache" deleted');
});

test.describe('the sandbox', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`starts from the default cluster and has no serious axe violations (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      const sim = await openSimulator(page, '/en/sandbox');
      for (const name of ['control-plane', 'node-1', 'node-2', 'node-3'])
        await expect(node(sim, name)).toBeVisible();
      await sim
        .getByRole('textbox', { name: /^Command/ })
        .fill('kubectl create deployment web --image=nginx');
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    });
  }

  test('the Korean sandbox speaks Korean and keeps the accessible names', async ({ page }) => {
    const sim = await openSimulator(page, '/ko/sandbox');
    await expect(node(sim, 'node-1')).toBeVisible();
    await expect(sim.getByRole('textbox', { name: /^Command/ })).toBeVisible();
  });
});

test.describe('share links', () => {
  test('a link carries a cluster: its commands run and show in the console', async ({ page }) => {
    const script = 'kubectl cordon node-2\nsim node add node-4';
    const sim = await openSimulator(page, `/en/sandbox?setup=${Buffer.from(script).toString('base64url')}`);
    await expect(node(sim, 'node-4')).toBeVisible();
    await expect(node(sim, 'node-2')).toHaveAccessibleName(/^Node node-2, Ready,SchedulingDisabled/);
    await expect(sim.locator('.kvl-output')).toContainText('$ kubectl cordon node-2');
    await expect(page.getByText('This cluster comes from a shared link')).toBeVisible();
    // Copying a link shows it, and opening it gives the same cluster.
    await sim.getByRole('button', { name: 'Copy link' }).click();
    const link = await sim.getByRole('textbox', { name: 'Link to this cluster' }).inputValue();
    const again = await openSimulator(page, new URL(link).pathname + new URL(link).search);
    await expect(node(again, 'node-4')).toBeVisible();
  });

  test('a malformed link says so and starts from the default cluster', async ({ page }) => {
    const sim = await openSimulator(page, '/en/sandbox?setup=%%%not-base64');
    await expect(page.getByRole('alert')).toContainText("This link's cluster could not be read");
    await expect(node(sim, 'node-3')).toBeVisible();
    await expect(node(sim, 'node-4')).toHaveCount(0);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import type { Locale } from '../../src/i18n/locales.ts';
import { engine } from '../../src/sim/engine.ts';
import Simulator from '../../src/simulator/Simulator.tsx';

const scenario = parse(
  readFileSync(resolve(process.cwd(), 'content/scenarios/data-on-the-move.yaml'), 'utf8'),
) as { setup: string };

/** Renders the whole simulator on the data-on-the-move scenario and waits for React Flow's nodes. */
async function renderSimulator({
  locale = 'en',
  instant = true,
}: {
  locale?: Locale;
  instant?: boolean;
} = {}) {
  const user = userEvent.setup();
  const view = render(
    <LocaleProvider locale={locale}>
      <Simulator setup={scenario.setup} engine={engine} />
    </LocaleProvider>,
  );
  // React Flow measures its nodes first (the ResizeObserver shim answers on the next tick).
  const cache = await screen.findByRole('button', { name: /^Pod cache/ });
  if (instant && locale === 'en') {
    // No playback timers firing between assertions: the move's stages are shown at once.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Animation' }), 'Off');
  }
  return { user, view, cache };
}

/** Undo/Redo may be disabled natively or with aria-disabled (so they keep keyboard focus). */
function expectUnavailable(button: HTMLElement, unavailable: boolean) {
  const state = button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';
  expect(state, `${button.textContent} unavailable`).toBe(unavailable);
}

const status = () => screen.getByRole('status');
const output = () => screen.getByRole('region', { name: 'Console output' });
const podCache = () => screen.getByRole('button', { name: /^Pod cache/ });

async function runInConsole(user: ReturnType<typeof userEvent.setup>, command: string) {
  await user.click(screen.getByRole('textbox', { name: /^Command/ }));
  await user.keyboard(`${command}{Enter}`);
}

/** The command line of a console entry ("$ " is decoration, hidden from screen readers). */
const commandLine = (command: string) => (_content: string, element: Element | null) =>
  element?.tagName === 'PRE' && element.textContent === `$ ${command}`;

describe('the simulator on data-on-the-move', () => {
  it('shows the nodes as groups and the pods as buttons', async () => {
    await renderSimulator({ instant: false });
    for (const node of ['node-1', 'node-2', 'node-3'])
      expect(screen.getByRole('group', { name: new RegExp(`^Node ${node}`) })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^Node node-1/ })).toHaveAccessibleName(/3 pods/);
    expect(screen.getByRole('group', { name: /^Node control-plane/ })).toHaveAccessibleName(/control plane/);
    for (const pod of ['cache', 'logger', 'db']) {
      const button = screen.getByRole('button', { name: new RegExp(`^Pod ${pod}`) });
      expect(button).toHaveAccessibleName(new RegExp(`^Pod ${pod}, Running on node-1$`));
      expect(button).toHaveAttribute('aria-haspopup', 'dialog');
      expect(button).toHaveAttribute('tabindex', '0');
    }
    expect(screen.getByRole('status')).toHaveTextContent('');
    expectUnavailable(screen.getByRole('button', { name: 'Undo' }), true);
    expectUnavailable(screen.getByRole('button', { name: 'Redo' }), true);
  });

  it('announces what a move from the console did to the data', async () => {
    const { user } = await renderSimulator();
    await runInConsole(user, 'sim move cache --to node-2');
    expect(within(output()).getByText(commandLine('sim move cache --to node-2'))).toBeInTheDocument();
    await waitFor(() => expect(status()).toHaveTextContent('Pod cache was recreated on node-2.'));
    expect(status()).toHaveTextContent('Its emptyDir scratch started empty: 1 file lost.');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, .* on node-2$/));
    expect(screen.getByRole('group', { name: /^Node node-2/ })).toHaveAccessibleName(/1 pod$/);
  });

  it('plays a move at normal speed, then announces it and shows the loss on the new pod', async () => {
    const { user } = await renderSimulator({ instant: false });
    await runInConsole(user, 'sim move cache --to node-2');
    await waitFor(() => expect(status()).toHaveTextContent('Pod cache was recreated on node-2.'));
    expect(status()).toHaveTextContent('1 file lost');
    // The stages play on a timer (900 ms each): the replacement's card finally shows the lost file.
    const replacement = await screen.findByRole(
      'button',
      { name: /^Pod cache, .* on node-2$/ },
      { timeout: 4000 },
    );
    await waitFor(() => expect(replacement).toHaveTextContent('1 file lost'), { timeout: 4000 });
  });

  it('undoes with the Undo button and announces it', async () => {
    const { user } = await renderSimulator();
    await runInConsole(user, 'sim move cache --to node-2');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));
    const undo = screen.getByRole('button', { name: 'Undo' });
    expectUnavailable(undo, false);
    await user.click(undo);
    await waitFor(() => expect(status()).toHaveTextContent(/^Undone\.\u200b?$/));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, Running on node-1$/));
    expectUnavailable(undo, true);
    const redo = screen.getByRole('button', { name: 'Redo' });
    expectUnavailable(redo, false);
    await user.click(redo);
    await waitFor(() => expect(status()).toHaveTextContent(/^Redone\.\u200b?$/));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));
  });

  it('undoes with Ctrl+Z on a non-input element, but not inside the command field', async () => {
    const { user } = await renderSimulator();
    await runInConsole(user, 'sim move cache --to node-2');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));

    // Inside the textbox, Ctrl+Z belongs to the text field.
    await user.keyboard('{Control>}z{/Control}');
    expect(podCache()).toHaveAccessibleName(/on node-2$/);

    podCache().focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(status()).toHaveTextContent(/^Undone\./));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, Running on node-1$/));

    // Ctrl+Shift+Z redoes, from the console's output region.
    output().focus();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(status()).toHaveTextContent(/^Redone\./));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));
  });

  it('resets to the start, as a point that can itself be undone', async () => {
    const { user } = await renderSimulator();
    await runInConsole(user, 'sim move cache --to node-2');
    await runInConsole(user, 'kubectl cordon node-3');
    await waitFor(() => expect(status()).toHaveTextContent('Ran kubectl cordon node-3.'));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(status()).toHaveTextContent('The cluster is back to its start.'));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, Running on node-1$/));
    expect(screen.getByRole('group', { name: /^Node node-3/ })).toHaveAccessibleName(
      'Node node-3, Ready, 0 pods',
    );
    expect(screen.getByRole('group', { name: /^Node node-1/ })).toHaveAccessibleName(/3 pods$/);
    expectUnavailable(screen.getByRole('button', { name: 'Undo' }), false);
  });

  it('opens a pod’s actions with Enter and moves it from the dialog', async () => {
    const { user } = await renderSimulator();
    podCache().focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    const moveTo = within(dialog).getByRole('button', { name: 'Move to node…' });
    expect(moveTo).toHaveAttribute('aria-expanded', 'false');
    await user.click(moveTo);
    expect(moveTo).toHaveAttribute('aria-expanded', 'true');
    const targets = within(dialog).getByRole('group', { name: 'Choose a node' });
    const toNode3 = within(targets).getByRole('button', { name: 'Move to node-3' });
    await waitFor(() => expect(within(targets).getAllByRole('button')[0]).toHaveFocus());
    expect(within(targets).queryByRole('button', { name: 'Move to node-1' })).not.toBeInTheDocument();
    expect(within(targets).getByText('sim move cache --to node-3')).toBeInTheDocument();
    await user.click(toNode3);

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(output()).getByText(commandLine('sim move cache --to node-3'))).toBeInTheDocument();
    await waitFor(() => expect(status()).toHaveTextContent('Pod cache was recreated on node-3.'));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-3$/));
  });

  it('closes the dialog with Escape and gives focus back to the pod', async () => {
    const { user } = await renderSimulator();
    const cache = podCache();
    cache.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(podCache()).toHaveFocus();
  });

  it('closes the dialog with its Close button too', async () => {
    const { user } = await renderSimulator();
    podCache().focus();
    await user.keyboard(' ');
    const dialog = await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(podCache()).toHaveFocus();
  });

  it('inspects the pod selected with Enter: its /cache files and their content', async () => {
    const { user } = await renderSimulator();
    expect(screen.getByRole('heading', { name: 'Inspector' })).toBeInTheDocument();
    podCache().focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const inspector = screen.getByRole('region', { name: 'Pod cache' });
    expect(within(inspector).getByRole('heading', { name: 'Pod cache' })).toBeInTheDocument();
    expect(within(inspector).getByText('node-1')).toBeInTheDocument();
    // The /cache mount lists its file (by its path inside the mount) with the content written by setup.
    const mount = within(inspector).getByText('/cache (volume scratch)').closest('div') as HTMLElement;
    expect(within(mount).getByText(/emptyDir on node-1's disk/)).toBeInTheDocument();
    const files = within(mount).getAllByRole('listitem');
    expect(files).toHaveLength(1);
    const file = files[0] as HTMLElement;
    expect(within(file).getByText('/hits.txt')).toBeInTheDocument();
    expect(within(file).getByText('(5 B)')).toBeInTheDocument();
    expect(file.querySelector('pre')?.textContent).toBe('warm\n');
    expect(podCache()).toHaveClass('selected');

    // The inspector's Actions… button opens the same dialog.
    await user.click(within(inspector).getByRole('button', { name: 'Actions…' }));
    expect(await screen.findByRole('dialog', { name: 'Actions for pod cache' })).toBeInTheDocument();
  });

  it('speaks Korean in the toolbar, while pods and nodes keep their English name prefixes', async () => {
    await renderSimulator({ locale: 'ko' });
    const toolbar = screen.getByRole('toolbar', { name: '시뮬레이터 조작' });
    expectUnavailable(within(toolbar).getByRole('button', { name: '실행 취소' }), true);
    expectUnavailable(within(toolbar).getByRole('button', { name: '다시 실행' }), true);
    expect(within(toolbar).getByRole('button', { name: '초기화' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: '노드 추가' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('combobox', { name: '애니메이션' })).toHaveDisplayValue('보통');
    expect(within(toolbar).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    for (const pod of ['cache', 'logger', 'db'])
      expect(screen.getByRole('button', { name: new RegExp(`^Pod ${pod} `) })).toHaveAccessibleName(
        /\(파드\)/,
      );
    expect(screen.getByRole('group', { name: /^Node node-1 / })).toHaveAccessibleName(/\(노드\)/);
    // The command field's name begins "Command" in every language; the rest of the console is Korean.
    expect(screen.getByRole('textbox', { name: /^Command/ })).toHaveAccessibleName(/명령/);
    expect(screen.getByRole('region', { name: '콘솔 출력' })).toBeInTheDocument();
  });

  // At Normal, Slow or Step speed the replacement stays hidden until stage 1: focus follows it
  // there instead of falling to the page.
  it('keeps the keyboard focus on the moved pod after a move from its dialog (normal speed)', async () => {
    const { user } = await renderSimulator({ instant: false });
    podCache().focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    await user.click(within(dialog).getByRole('button', { name: 'Move to node…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move to node-3' }));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, Running on node-3$/), {
      timeout: 4000,
    });
    expect(document.activeElement).not.toBe(document.body);
  });

  it('keeps the keyboard focus on the moved pod after a move from its dialog (animation off)', async () => {
    const { user } = await renderSimulator();
    podCache().focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Actions for pod cache' });
    await user.click(within(dialog).getByRole('button', { name: 'Move to node…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Move to node-3' }));
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-3$/));
    expect(podCache()).toHaveFocus();
  });
});

describe('step by step', () => {
  // The caption over the diagram (the live region says it too, step by step).
  const shown = { selector: '.kvl-playback-caption' };
  const caption = (n: number) => screen.getByText(new RegExp(`^Step ${n} of 3:`), shown);
  const noCaption = () => expect(screen.queryByText(/^Step \d of 3:/, shown)).not.toBeInTheDocument();

  async function moveStepByStep() {
    const rendered = await renderSimulator({ instant: false });
    await rendered.user.selectOptions(screen.getByRole('combobox', { name: 'Animation' }), 'Step by step');
    await runInConsole(rendered.user, 'sim move cache --to node-2');
    await waitFor(() => expect(caption(1)).toBeInTheDocument());
    return rendered;
  }

  it('steps with PageDown, → and Space from inside the simulator, the last caption included', async () => {
    const { user } = await moveStepByStep();
    // In the command field the keys stay the field's own.
    await user.keyboard('{PageDown}{ArrowRight} ');
    expect(caption(1)).toBeInTheDocument();
    // A click on the simulator's text keeps focus in the simulator, where the keys are heard.
    await user.click(screen.getByText(/^Drag a pod onto another node/));
    expect(document.activeElement).toHaveClass('kvl-simulator');
    await user.keyboard('{PageDown}');
    expect(caption(2)).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Step 3 of 3: see what happened to the data.', shown)).toBeInTheDocument();
    await waitFor(() => expect(status()).toHaveTextContent('Step 3 of 3: see what happened to the data.'));
    await user.keyboard(' ');
    noCaption();
    // With nothing being played the keys do nothing (the page scrolls as usual).
    await user.keyboard('{PageDown}');
    expect(podCache()).toHaveAccessibleName(/on node-2$/);
  });

  it('steps with the control beside the caption, and keeps focus in the simulator when it goes', async () => {
    const { user } = await moveStepByStep();
    const next = screen.getByRole('button', { name: 'Next step' });
    expect(next.parentElement).toContainElement(caption(1));
    await user.click(next);
    expect(caption(2)).toBeInTheDocument();
    await user.click(next);
    expect(caption(3)).toBeInTheDocument();
    // Past the last stage the control closes the caption and goes away: focus stays inside.
    await user.click(screen.getByRole('button', { name: 'Close' }));
    noCaption();
    await waitFor(() => expect(document.activeElement).toHaveClass('kvl-simulator'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/^Pod cache, Running on node-1$/));
    await user.keyboard('{Meta>}{Shift>}z{/Shift}{/Meta}');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-1$/));
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(podCache()).toHaveAccessibleName(/on node-2$/));
  });
});

describe('a goal watcher', () => {
  it('tells where the shown cluster comes from: the start, a reset, or a change', async () => {
    const heard: [boolean, string][] = [];
    // A listener may return something: the simulator ignores it.
    const listen = (met: boolean, origin: string) => heard.push([met, origin]);
    const user = userEvent.setup();
    render(
      <LocaleProvider locale="en">
        <Simulator
          setup={scenario.setup}
          engine={engine}
          goal={[{ object: { kind: 'Pod', name: 'cache' }, exists: false }]}
          onGoalChange={listen}
        />
      </LocaleProvider>,
    );
    await screen.findByRole('button', { name: /^Pod cache/ });
    await runInConsole(user, 'kubectl get pods');
    await runInConsole(user, 'kubectl delete pod cache');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() =>
      expect(heard).toEqual([
        [false, 'start'],
        [false, 'changed'],
        [true, 'changed'],
        [false, 'changed'],
        [false, 'start'],
        [false, 'reset'],
      ]),
    );
  });
});

describe('the simulator on a prebuilt cluster (the engine loads on demand)', () => {
  it('draws the cluster at once, then runs a command when the engine has loaded', async () => {
    const initial = engine.runScript(engine.createCluster(), scenario.setup).state;
    const user = userEvent.setup();
    render(
      <LocaleProvider locale="en">
        <Simulator initial={initial} setupText={scenario.setup} />
      </LocaleProvider>,
    );
    expect(await screen.findByRole('button', { name: /^Pod cache/ })).toHaveAccessibleName(
      /^Pod cache, Running on node-1$/,
    );
    // A scenario's setup is not replayed in the console.
    expect(within(output()).getByText(/Commands you run/)).toBeInTheDocument();

    await runInConsole(user, 'kubectl get pods');
    expect(
      await within(output()).findByText(commandLine('kubectl get pods'), {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const table = engine.runCommand(initial, ['kubectl', 'get', 'pods']).result.stdout;
    expect(
      within(output()).getByText(
        (_content, element) => element?.tagName === 'PRE' && element.textContent === table,
      ),
    ).toHaveClass('kvl-entry-out');
    await waitFor(() => expect(status()).toHaveTextContent(/^Ran kubectl get pods\. NAME/));
  });
});

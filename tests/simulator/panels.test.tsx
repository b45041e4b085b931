import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import { podFileView, runCommand } from '../../src/sim/index.ts';
import { ActionsDialog } from '../../src/simulator/ActionsDialog.tsx';
import { EventsPanel } from '../../src/simulator/EventsPanel.tsx';
import { simEn } from '../../src/simulator/i18n/en.ts';
import type { PodData } from '../../src/simulator/model/diagram-types.ts';
import { PlaybackBar } from '../../src/simulator/PlaybackBar.tsx';
import { SimStoreProvider } from '../../src/simulator/sim-context.tsx';
import { Toolbar } from '../../src/simulator/Toolbar.tsx';
import {
  createSimStore,
  finalStage,
  type SimStore,
  selectCluster,
  selectPoint,
} from '../helpers/create-sim-store.ts';

const { setup } = parse(
  readFileSync(resolve(process.cwd(), 'content/scenarios/data-on-the-move.yaml'), 'utf8'),
) as { setup: string };

function renderWith(store: SimStore, ui: ReactNode) {
  const user = userEvent.setup();
  render(
    <LocaleProvider locale="en">
      <SimStoreProvider store={store}>{ui}</SimStoreProvider>
    </LocaleProvider>,
  );
  return { user, store };
}

/**
 * Undo and Redo may be disabled natively or with aria-disabled (so they keep focus): either way
 * assistive technology reports them unavailable.
 */
function expectUnavailable(button: HTMLElement, unavailable: boolean) {
  const state = button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';
  expect(state, `${button.textContent} unavailable`).toBe(unavailable);
}

/** A `<pre>` whose text is exactly `text` (tables keep their spaces). */
const preWithText = (text: string) => (_content: string, element: Element | null) =>
  element?.tagName === 'PRE' && element.textContent === text;

describe('the events panel', () => {
  it('says there are no events in a fresh cluster', () => {
    renderWith(createSimStore(), <EventsPanel />);
    expect(screen.getByText('Events (0)')).toBeInTheDocument();
    expect(screen.getByText('No events yet.')).toBeInTheDocument();
  });

  it('counts the events and shows them as kubectl get events prints them', async () => {
    const store = createSimStore({ setup });
    const { user } = renderWith(store, <EventsPanel />);
    const cluster = selectCluster(store.getState());
    const count = Object.keys(cluster.objects.Event).length;
    expect(count).toBeGreaterThan(0);
    const summary = screen.getByText(`Events (${count})`);
    expect(summary.tagName).toBe('SUMMARY');

    const expected = runCommand(cluster, ['kubectl', 'get', 'events']).result.stdout;
    expect(expected).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    const table = screen.getByText(preWithText(expected));
    expect(table).toHaveTextContent('Successfully assigned default/cache to node-1');
    // Reading the events did not change the cluster.
    expect(selectCluster(store.getState())).toBe(cluster);

    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
  });

  it('follows the cluster: new events raise the count, undo lowers it again', () => {
    const store = createSimStore({ setup });
    renderWith(store, <EventsPanel />);
    const before = Object.keys(selectCluster(store.getState()).objects.Event).length;
    act(() => {
      store.getState().run('sim move cache --to node-2');
    });
    const after = selectCluster(store.getState());
    const count = Object.keys(after.objects.Event).length;
    expect(count).toBeGreaterThan(before);
    expect(screen.getByText(`Events (${count})`)).toBeInTheDocument();
    expect(
      screen.getByText(preWithText(runCommand(after, ['kubectl', 'get', 'events']).result.stdout)),
    ).toHaveTextContent('Successfully assigned default/cache to node-2');
    act(() => store.getState().undo());
    expect(screen.getByText(`Events (${before})`)).toBeInTheDocument();
  });
});

describe('the toolbar', () => {
  it('enables Undo and Redo only when the history allows them', async () => {
    const { user, store } = renderWith(createSimStore(), <Toolbar />);
    expect(screen.getByRole('toolbar', { name: 'Simulator controls' })).toBeInTheDocument();
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expectUnavailable(undo, true);
    expectUnavailable(redo, true);
    expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
    // Pressing an unavailable Undo does nothing.
    await user.click(undo);
    expect(store.getState().index).toBe(0);
    expect(redo).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+Z');

    act(() => {
      store.getState().run('kubectl cordon node-1');
    });
    expectUnavailable(undo, false);
    expectUnavailable(redo, true);

    await user.click(undo);
    expect(store.getState().index).toBe(0);
    expectUnavailable(undo, true);
    expectUnavailable(redo, false);

    await user.click(redo);
    expect(store.getState().index).toBe(1);
    expectUnavailable(undo, false);
    expectUnavailable(redo, true);

    // A new command after an undo drops the redo stack.
    await user.click(undo);
    act(() => {
      store.getState().run('kubectl cordon node-2');
    });
    expectUnavailable(redo, true);
    expect(store.getState().history).toHaveLength(2);
  });

  it('resets as a new, undoable point', async () => {
    const { user, store } = renderWith(createSimStore({ setup }), <Toolbar />);
    act(() => {
      store.getState().run('kubectl delete pod cache');
    });
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(store.getState().history).toHaveLength(3);
    expect(store.getState().history[2]?.input).toBe('# reset');
    expect(selectCluster(store.getState()).objects.Pod['default/cache']).toBeDefined();
    expectUnavailable(screen.getByRole('button', { name: 'Undo' }), false);
  });

  it('adds the next free node and waits 5 minutes', async () => {
    const { user, store } = renderWith(createSimStore(), <Toolbar />);
    await user.click(screen.getByRole('button', { name: 'Add node' }));
    expect(store.getState().history[1]?.input).toBe('sim node add node-4');
    expect(selectCluster(store.getState()).objects.Node['node-4']).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Add node' }));
    expect(store.getState().history[2]?.input).toBe('sim node add node-5');
    await user.click(screen.getByRole('button', { name: 'Wait 5 minutes' }));
    expect(store.getState().history[3]?.input).toBe('sim advance 5m');
  });

  it('offers the playback speeds; step by step, the control beside the caption walks through every stage', async () => {
    const { user, store } = renderWith(
      createSimStore({ setup }),
      <>
        <Toolbar />
        <PlaybackBar />
      </>,
    );
    const speed = screen.getByRole('combobox', { name: 'Animation' });
    expect(
      within(speed)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Normal', 'Slow', 'Step by step', 'Off']);
    expect(speed).toHaveDisplayValue('Normal');
    expect(screen.queryByRole('button', { name: 'Next step' })).not.toBeInTheDocument();

    await user.selectOptions(speed, 'Step by step');
    expect(store.getState().speed).toBe('step');
    expect(speed).toHaveDisplayValue('Step by step');
    // Nothing to step through yet.
    expect(screen.queryByRole('button', { name: 'Next step' })).not.toBeInTheDocument();

    act(() => {
      store.getState().run('sim move cache --to node-2');
    });
    expect(store.getState().stage).toBe(0);
    const caption = simEn.stageCaptions;
    // The control sits beside the caption it advances (and is described by it).
    const next = screen.getByRole('button', { name: 'Next step' });
    expect(next).toHaveAccessibleDescription(caption[0] as string);
    expect(next.parentElement).toContainElement(screen.getByText(caption[0] as string));
    await user.click(next);
    expect(store.getState().stage).toBe(1);
    expect(screen.getByText(caption[1] as string)).toBeInTheDocument();
    await user.click(next);
    expect(store.getState().stage).toBe(finalStage);
    // The last stage has its caption too, until the learner closes it.
    expect(screen.getByText('Step 3 of 3: see what happened to the data.')).toBeInTheDocument();
    expect(next).toHaveAccessibleName('Close');
    expect(next).toHaveAccessibleDescription('Step 3 of 3: see what happened to the data.');
    await user.click(next);
    expect(store.getState().playing).toBe(false);
    expect(screen.queryByText(/^Step \d of 3/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Next step|Close)$/ })).not.toBeInTheDocument();

    // A command that moves nothing has no stages to show.
    act(() => {
      store.getState().run('kubectl get pods');
    });
    expect(store.getState().stage).toBe(finalStage);
    expect(screen.queryByRole('button', { name: 'Next step' })).not.toBeInTheDocument();
  });

  it('shows a move at once when the animation is off', async () => {
    const { user, store } = renderWith(
      createSimStore({ setup }),
      <>
        <Toolbar />
        <PlaybackBar />
      </>,
    );
    act(() => {
      store.getState().setSpeed('step');
      store.getState().run('sim move cache --to node-2');
    });
    expect(screen.getByRole('button', { name: 'Next step' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Animation' }), 'Off');
    expect(store.getState().stage).toBe(finalStage);
    expect(screen.queryByRole('button', { name: 'Next step' })).not.toBeInTheDocument();
    expect(screen.queryByText(/^Step \d of 3/)).not.toBeInTheDocument();
    act(() => {
      store.getState().undo();
      store.getState().run('sim move cache --to node-3');
    });
    expect(store.getState().stage).toBe(finalStage);
  });

  it('jumps to an earlier point with the history select, and back again', async () => {
    const { user, store } = renderWith(createSimStore(), <Toolbar />);
    act(() => {
      store.getState().run('kubectl cordon node-1');
      store.getState().run('kubectl cordon node-2');
      store.getState().run('kubectl cordon node-3');
    });
    const history = screen.getByRole('combobox', { name: 'Step 3 of 3' });
    expect(
      within(history)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      simEn.historyStart,
      '1. kubectl cordon node-1',
      '2. kubectl cordon node-2',
      '3. kubectl cordon node-3',
    ]);
    expect(history).toHaveValue('3');

    await user.selectOptions(history, '1. kubectl cordon node-1');
    expect(store.getState().index).toBe(1);
    expect(history).toHaveValue('1');
    expect(history).toHaveAccessibleName('Step 1 of 3');
    const cluster = selectCluster(store.getState());
    expect(cluster.objects.Node['node-1']?.spec.unschedulable).toBe(true);
    expect(cluster.objects.Node['node-2']?.spec.unschedulable).toBeUndefined();
    // The later points are still there, as the redo stack.
    expectUnavailable(screen.getByRole('button', { name: 'Redo' }), false);

    await user.selectOptions(history, simEn.historyStart);
    expect(store.getState().index).toBe(0);
    expectUnavailable(screen.getByRole('button', { name: 'Undo' }), true);
    await user.selectOptions(history, '3');
    expect(store.getState().index).toBe(3);
    expect(store.getState().history).toHaveLength(4);
  });

  it('shows only the first line of a multi-line input in the history select', () => {
    const store = createSimStore();
    renderWith(store, <Toolbar />);
    act(() => {
      store.getState().run('kubectl cordon node-1\nkubectl cordon node-2');
    });
    expect(screen.getByRole('option', { name: '1. kubectl cordon node-1' })).toBeInTheDocument();
  });
});

/** What the latest point ran (a `setup` given to the store is logged in the starting point). */
const lastLog = (store: SimStore) => selectPoint(store.getState()).log;

function podData(store: SimStore, name: string): PodData {
  const pod = selectCluster(store.getState()).objects.Pod[`default/${name}`];
  if (!pod) throw new Error(`no pod ${name}`);
  return {
    kind: 'pod',
    name,
    namespace: 'default',
    node: pod.spec.nodeName ?? '',
    status: 'Running',
    tone: 'ok',
    ready: '1/1',
    restarts: 0,
    containers: pod.spec.containers.map((c) => c.name),
    mounts: [],
    layerFiles: 0,
    layerFileNames: [],
  };
}

describe('the actions dialog', () => {
  function renderDialog() {
    const store = createSimStore({ setup });
    const onClose = vi.fn();
    const rendered = renderWith(
      store,
      <ActionsDialog
        id="pod:default/cache"
        data={podData(store, 'cache')}
        title="pod cache"
        onClose={onClose}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Actions for pod cache' });
    return { ...rendered, onClose, dialog };
  }

  it('lists the pod’s actions, each with the command it runs, and takes the focus', () => {
    const { dialog } = renderDialog();
    expect(document.activeElement?.tagName).toBe('BUTTON');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(within(dialog).getByRole('button', { name: 'Move to node…' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Write a file…' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Crash container app' })).toHaveAccessibleDescription(
      'sim crash cache -c app',
    );
    expect(within(dialog).getByRole('button', { name: 'Delete pod' })).toHaveAccessibleDescription(
      'kubectl delete pod cache',
    );
  });

  it('rejects a bad file name with an alert and runs nothing', async () => {
    const { user, dialog, store, onClose } = renderDialog();
    const writeFile = within(dialog).getByRole('button', { name: 'Write a file…' });
    await user.click(writeFile);
    expect(writeFile).toHaveAttribute('aria-expanded', 'true');
    const directory = within(dialog).getByRole('combobox', { name: 'Directory' });
    expect(
      within(directory)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['/cache (Container app)', '/tmp (Container app)']);
    const fileName = within(dialog).getByRole('textbox', { name: 'File name' });
    expect(fileName).toHaveValue('note.txt');
    expect(within(dialog).getByRole('textbox', { name: 'Text' })).toHaveValue('hello');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(fileName);
    await user.type(fileName, '../etc passwd');
    await user.click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(simEn.badFile);
    expect(onClose).not.toHaveBeenCalled();
    expect(store.getState().history).toHaveLength(1);

    // Text that would need shell quoting is refused too.
    await user.clear(fileName);
    await user.type(fileName, 'ok.txt');
    const text = within(dialog).getByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.type(text, 'say "hi" $HOME');
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert')).toBeInTheDocument();
    expect(store.getState().history).toHaveLength(1);
  });

  it('writes a valid file with kubectl exec, after which the pod sees it', async () => {
    const { user, dialog, store, onClose } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Write a file…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Write' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(store.getState().history).toHaveLength(2);
    const log = lastLog(store);
    expect(log).toHaveLength(1);
    // The text may be quoted for the shell; the file lands in the mount either way.
    expect(log[0]?.command).toMatch(
      /^kubectl exec cache -c app -- sh -c "echo '?hello'? >> \/cache\/note\.txt"$/,
    );
    expect(log[0]?.result.exitCode).toBe(0);

    const [app] = podFileView(selectCluster(store.getState()), 'default', 'cache');
    const cacheMount = app?.mounts.find((m) => m.mountPath === '/cache');
    expect(cacheMount?.files).toEqual(
      expect.arrayContaining([{ path: '/note.txt', size: 6, content: 'hello\n' }]),
    );
    expect(cacheMount?.files.map((f) => f.path)).toEqual(['/hits.txt', '/note.txt']);
  });

  it('writes into the writable layer when /tmp is chosen', async () => {
    const { user, dialog, store } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Write a file…' }));
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Directory' }),
      '/tmp (Container app)',
    );
    const text = within(dialog).getByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.type(text, 'scratch');
    await user.click(within(dialog).getByRole('button', { name: 'Write' }));
    expect(lastLog(store)[0]?.command).toMatch(
      /^kubectl exec cache -c app -- sh -c "echo '?scratch'? >> \/tmp\/note\.txt"$/,
    );
    const [app] = podFileView(selectCluster(store.getState()), 'default', 'cache');
    expect(app?.layerFiles).toEqual([{ path: '/tmp/note.txt', size: 8, content: 'scratch\n' }]);
  });

  it('runs an action’s command and closes', async () => {
    const { user, dialog, store, onClose } = renderDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Delete pod' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(lastLog(store)[0]?.command).toBe('kubectl delete pod cache');
    expect(selectCluster(store.getState()).objects.Pod['default/cache']).toBeUndefined();
  });

  it('closes on Escape', async () => {
    const { user, onClose } = renderDialog();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

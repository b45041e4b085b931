import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import { createCluster, runCommand } from '../../src/sim/index.ts';
import { Console } from '../../src/simulator/Console.tsx';
import { SimStoreProvider } from '../../src/simulator/sim-context.tsx';
import { createSimStore, type SimStore, selectCluster, selectLog } from '../helpers/create-sim-store.ts';

const claimScript = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`;

function renderConsole(store: SimStore = createSimStore()) {
  const user = userEvent.setup();
  render(
    <LocaleProvider locale="en">
      <SimStoreProvider store={store}>
        <Console />
      </SimStoreProvider>
    </LocaleProvider>,
  );
  const input = screen.getByRole('textbox', { name: /^Command/ });
  const output = screen.getByRole('region', { name: 'Console output' });
  return { user, store, input, output };
}

/** A `<pre>` whose text is exactly `text` (no whitespace normalisation: tables keep their columns). */
/** A transcript block with exactly this text (an error block also says so to screen readers). */
const preWithText = (text: string) => (_content: string, element: Element | null) =>
  element?.tagName === 'PRE' &&
  (element.textContent === text ||
    (element.classList.contains('kvl-entry-err') && element.textContent === `Error output: ${text}`));

describe('the console', () => {
  it('labels its command field and starts with a hint', () => {
    const { input, output } = renderConsole();
    expect(input.tagName).toBe('TEXTAREA');
    expect(input).toHaveAccessibleName(/^Command/);
    expect(input).toHaveAccessibleDescription(/Enter runs, Shift\+Enter adds a line/);
    expect(within(output).getByText(/Commands you run/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toBeInTheDocument();
  });

  it('runs a command on Enter and prints the output exactly as the engine does', async () => {
    const { user, input, output, store } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Enter}');

    const expected = runCommand(createCluster(), ['kubectl', 'get', 'nodes']).result.stdout;
    expect(expected).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(within(output).getByText(preWithText('$ kubectl get nodes'))).toBeInTheDocument();
    const table = within(output).getByText(preWithText(expected));
    expect(table).toHaveClass('kvl-entry-out');
    expect(table.closest('.kvl-entry')).not.toHaveClass('is-failed');
    expect(input).toHaveValue('');
    expect(selectLog(store.getState())).toHaveLength(1);
  });

  it('runs the command with the Run button too', async () => {
    const { user, input, output } = renderConsole();
    await user.type(input, 'kubectl get nodes');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(within(output).getByText(preWithText('$ kubectl get nodes'))).toBeInTheDocument();
    expect(input).toHaveValue('');
  });

  it('ignores Enter on an empty or blank field', async () => {
    const { user, input, store } = renderConsole();
    await user.click(input);
    await user.keyboard('{Enter}');
    await user.keyboard('   {Enter}');
    expect(store.getState().history).toHaveLength(1);
  });

  it('adds a line on Shift+Enter instead of running', async () => {
    const { user, input, store, output } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Shift>}{Enter}{/Shift}kubectl get pods');
    expect(input).toHaveValue('kubectl get nodes\nkubectl get pods');
    expect(input).toHaveAttribute('rows', '2');
    expect(store.getState().history).toHaveLength(1);
    expect(within(output).queryByText(preWithText('$ kubectl get nodes'))).not.toBeInTheDocument();

    // Enter then runs both lines as a script.
    await user.keyboard('{Enter}');
    expect(selectLog(store.getState()).map((e) => e.command)).toEqual([
      'kubectl get nodes',
      'kubectl get pods',
    ]);
    expect(within(output).getByText(preWithText('$ kubectl get pods'))).toBeInTheDocument();
  });

  it('runs a pasted multi-line script with a here-document as one script', async () => {
    const { user, input, store, output } = renderConsole();
    await user.click(input);
    await user.paste(claimScript);
    expect(input).toHaveValue(claimScript);
    expect(store.getState().history).toHaveLength(1);
    await user.keyboard('{Enter}');

    expect(within(output).getByText(preWithText('persistentvolumeclaim/data created\n'))).toBeInTheDocument();
    expect(within(output).getByText(preWithText(`$ ${claimScript}`))).toBeInTheDocument();
    expect(selectCluster(store.getState()).objects.PersistentVolumeClaim['default/data']).toBeDefined();
    expect(store.getState().history).toHaveLength(2);
    expect(store.getState().history[1]?.input).toBe(claimScript);
  });

  it('recalls earlier inputs with ArrowUp and returns to an empty field with ArrowDown', async () => {
    const { user, input } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Enter}');
    await user.keyboard('kubectl get pods{Enter}');
    expect(input).toHaveValue('');

    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get pods');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get nodes');
    // The oldest input stays put.
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get nodes');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('kubectl get pods');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('');
  });

  it('recalls the previous input, ArrowDown then empties the field', async () => {
    const { user, input } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Enter}');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get nodes');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('');
  });

  it('does not recall when there is nothing to recall', async () => {
    const { user, input } = renderConsole();
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('');
  });

  it('shows an unknown command as a marked error and leaves the cluster unchanged', async () => {
    const { user, input, store, output } = renderConsole();
    const before = selectCluster(store.getState());
    await user.click(input);
    await user.keyboard('kubectl foo{Enter}');

    const error = within(output).getByText(preWithText('error: unknown command "foo" for "kubectl"\n'));
    expect(error).toHaveClass('kvl-entry-err');
    expect(error).not.toHaveClass('kvl-entry-out');
    expect(error.closest('.kvl-entry')).toHaveClass('is-failed');
    expect(selectCluster(store.getState())).toBe(before);
    expect(selectLog(store.getState())[0]?.result.exitCode).toBe(1);
  });

  it('marks only the failed entries', async () => {
    const { user, input, output } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Enter}');
    await user.keyboard('foo{Enter}');
    const entries = output.querySelectorAll('.kvl-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).not.toHaveClass('is-failed');
    expect(entries[1]).toHaveClass('is-failed');
    expect(within(entries[1] as HTMLElement).getByText(preWithText('sh: foo: not found\n'))).toHaveClass(
      'kvl-entry-err',
    );
  });

  it('shows only the transcript up to the point shown after an undo', async () => {
    const { user, input, store, output } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl get nodes{Enter}');
    await user.keyboard('kubectl get pods{Enter}');
    expect(output.querySelectorAll('.kvl-entry')).toHaveLength(2);
    act(() => store.getState().undo());
    expect(await within(output).findByText(preWithText('$ kubectl get nodes'))).toBeInTheDocument();
    expect(output.querySelectorAll('.kvl-entry')).toHaveLength(1);
  });

  it('reports an unterminated here-document as an error when run with the Run button', async () => {
    const { user, input, output } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl apply -f - <<EOF');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(
      within(output).getByText(
        preWithText("error: here-document at line 1 delimited by end-of-file (wanted 'EOF')\n"),
      ),
    ).toHaveClass('kvl-entry-err');
  });

  // A here-document can be typed line by line: Enter adds lines until its closing line.
  it('adds a line on Enter while a here-document is still open', async () => {
    const { user, input, store } = renderConsole();
    await user.click(input);
    await user.keyboard('kubectl apply -f - <<EOF{Enter}');
    expect(store.getState().history).toHaveLength(1);
    expect(input).toHaveValue('kubectl apply -f - <<EOF\n');
  });
});

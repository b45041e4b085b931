import type { MoveConsequence } from '../../sim/view.ts';
import { type HistoryPoint, resetInput } from '../../store/sim-store.ts';
import type { SimMessages } from '../i18n/en.ts';
import { explainReason } from './explain-reason.ts';

/** A move's consequence in words, for the live region: what happened to the pod and to each kind of data. */
export function describeConsequence(c: MoveConsequence, t: SimMessages): string {
  const sentences: string[] = [];
  if (!c.replacement) sentences.push(t.noReplacement(c.pod));
  else if (c.replacementNode) sentences.push(t.recreated(c.pod, c.replacement, c.replacementNode));
  else {
    const key = c.pendingReason ? explainReason(c.pendingReason, c.target) : undefined;
    const why = key ? t.reasons[key] : (c.pendingReason ?? '');
    sentences.push(t.pendingAfterMove(c.replacement, c.to, why));
  }
  for (const lost of c.lost) {
    sentences.push(
      lost.kind === 'emptyDir'
        ? t.lostEmptyDir(lost.name, lost.files.length)
        : t.lostLayer(lost.name, lost.files.length),
    );
  }
  for (const left of c.leftBehind) sentences.push(t.leftBehindOn(left.path, left.node, left.files));
  for (const found of c.foundOnNewNode) sentences.push(t.foundOnNode(found.path, found.files));
  for (const followed of c.followed) sentences.push(t.followedDisk(followed.volume, followed.files));
  return sentences.join(' ');
}

/** What the live region says after a command: the move's story, or the command and its first line of output. */
export function describePoint(point: HistoryPoint, t: SimMessages): string {
  if (point.input === resetInput) return t.resetDone;
  if (point.consequence) return describeConsequence(point.consequence, t);
  const last = point.log.at(-1);
  if (!last) return '';
  const output = `${last.result.stderr}${last.result.stdout}`.trim().split('\n')[0] ?? '';
  return t.ranCommand(last.command.split('\n')[0] ?? '', output);
}

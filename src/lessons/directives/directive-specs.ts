/**
 * The closed set of directives a lesson may use, and their attributes. Pure data: the build
 * checks lessons against it, and `registry.tsx` must give each name a component (a missing one is
 * a type error). Adding a block = one entry here + one component; the pipeline stays untouched.
 *
 * Syntax (remark-directive): `:::name{attr="…"}` … `:::` for a container around markdown,
 * `::name{attr="…"}` for a leaf block on its own line.
 */
export interface DirectiveSpec {
  kind: 'container' | 'leaf';
  /** Allowed attributes; `true` marks a required one. */
  attributes: Record<string, boolean>;
}

export const directiveSpecs = {
  /** "You will learn": the lesson's objectives, at its top. */
  learn: { kind: 'container', attributes: {} },
  /** A side remark worth knowing. */
  note: { kind: 'container', attributes: { title: false } },
  /** Something that can hurt a real cluster or its data. */
  warning: { kind: 'container', attributes: { title: false } },
  /** A collapsed hint the learner opens on demand. */
  hint: { kind: 'container', attributes: { title: false } },
  /** The lesson's summary, at its end. */
  recap: { kind: 'container', attributes: {} },
  /** A live cluster started from `content/scenarios/<scenario>.yaml` (the default cluster without one). */
  simulator: { kind: 'leaf', attributes: { scenario: false } },
  /** "Try it": a challenge on a live cluster, checked automatically; holds `:::hint` blocks. */
  task: { kind: 'container', attributes: { id: true, scenario: true } },
  /** "Predict, then see": the learner commits to an option before the explanation shows. */
  predict: { kind: 'container', attributes: { answer: true } },
  /** A short quiz: 2 to 4 `::::question` blocks. */
  quiz: { kind: 'container', attributes: {} },
  /** One quiz question: a prompt, a list of options and an `:::explain`. */
  question: { kind: 'container', attributes: { answer: true } },
  /** Why an answer is right, shown once the learner has answered. */
  explain: { kind: 'container', attributes: {} },
} as const satisfies Record<string, DirectiveSpec>;

export type DirectiveName = keyof typeof directiveSpecs;

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(directiveSpecs, name);
}

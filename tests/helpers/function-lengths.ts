import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface LongFunction {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** The comments directly above the function (or above the statement that declares it). */
  comment: string;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
    return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** The statement or member whose leading comment documents a function. */
function documentedNode(node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (
    current.parent &&
    (ts.isVariableDeclaration(current.parent) ||
      ts.isVariableDeclarationList(current.parent) ||
      ts.isVariableStatement(current.parent) ||
      ts.isPropertyAssignment(current.parent) ||
      ts.isCallExpression(current.parent) ||
      ts.isExportAssignment(current.parent))
  )
    current = current.parent;
  return current;
}

/** Every function, arrow function or method in a file longer than `limit` lines. */
export function longFunctions(
  file: string,
  limit: number,
  text = readFileSync(file, 'utf8'),
): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const documented = documentedNode(node);
        const ranges = ts.getLeadingCommentRanges(text, documented.getFullStart()) ?? [];
        const comment = ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
        found.push({ file, name: nameOf(node, source), line: start + 1, lines, comment });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

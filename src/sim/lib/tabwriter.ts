/**
 * Go's text/tabwriter, as kubectl describe uses it (minwidth 0, tabwidth 8, padding 2, spaces):
 * cells end at tabs; a column is aligned across a block of consecutive lines that all have a
 * cell in that column; a line without that cell ends the block. The text after a line's last
 * tab is not aligned.
 */
export function tabwrite(text: string, padding = 2, minWidth = 0): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const widths: number[][] = lines.map(() => []);
  const format = (from: number, to: number, column: number) => {
    let line = from;
    while (line < to) {
      if ((lines[line]?.length ?? 0) - 1 <= column) {
        line++;
        continue;
      }
      let end = line;
      let width = minWidth;
      while (end < to && (lines[end]?.length ?? 0) - 1 > column) {
        width = Math.max(width, [...(lines[end]?.[column] ?? '')].length + padding);
        end++;
      }
      for (let i = line; i < end; i++) (widths[i] as number[])[column] = width;
      format(line, end, column + 1);
      line = end;
    }
  };
  format(0, lines.length, 0);
  return lines
    .map((cells, i) =>
      cells
        .map((cell, column) =>
          column < cells.length - 1
            ? cell.padEnd((widths[i]?.[column] ?? 0) - ([...cell].length - cell.length))
            : cell,
        )
        .join(''),
    )
    .join('\n');
}

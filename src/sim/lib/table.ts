/**
 * The column layout of `kubectl get`: rows of tab-separated cells through the tabwriter that
 * k8s.io/cli-runtime/pkg/printers/tabwriter.go (GetNewTabWriter) configures — minwidth 6,
 * tabwidth 4, padding 3, pad character ' ' — using Go's text/tabwriter algorithm (the
 * github.com/liggitt/tabwriter fork, whose only addition, RememberWidths, matters only across
 * flushes).
 *
 * In text/tabwriter a cell is text terminated by a tab, so the last cell of a line is not part of
 * a column: it is written as is, with no padding after it. Every other column is as wide as its
 * widest cell plus the padding, and never narrower than minwidth.
 */

const minWidth = 6;
const padding = 3;

/** Go's tabwriter measures cells in runes (utf8.RuneCount), not UTF-16 units. */
const width = (text: string): number => [...text].length;

/**
 * Lays out a header row and data rows like kubectl (headers are upper-cased, as kubectl's table
 * printer does). Rows are expected to have as many cells as there are headers; missing cells print
 * empty. Lines end with '\n'.
 */
export function formatTable(headers: string[], rows: string[][]): string {
  const lines = [headers.map((header) => header.toUpperCase()), ...rows];
  const columns = Math.max(headers.length, ...rows.map((row) => row.length));
  const widths: number[] = [];
  for (let column = 0; column < columns - 1; column++) {
    let columnWidth = minWidth;
    for (const line of lines) columnWidth = Math.max(columnWidth, width(line[column] ?? '') + padding);
    widths.push(columnWidth);
  }
  return lines
    .map((line) => {
      let text = '';
      for (let column = 0; column < columns; column++) {
        const cell = line[column] ?? '';
        const columnWidth = widths[column];
        text += columnWidth === undefined ? cell : cell + ' '.repeat(columnWidth - width(cell));
      }
      return `${text}\n`;
    })
    .join('');
}

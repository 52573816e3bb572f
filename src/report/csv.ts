/**
 * CSV text with a header row, through csv-stringify: RFC 4180 quoting, `\n` line ends, one
 * trailing newline. Cells are already strings (numbers went through formatNumber).
 */
import { stringify } from "csv-stringify/sync";

/** `rows` under the header `columns`. */
export function toCsvText(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return stringify(rows as string[][], { header: true, columns: [...columns] });
}

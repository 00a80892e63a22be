/**
 * Small builders shared by the template's sheet factories (input sheets and ballot sheets).
 */
import type { OutputColumn, OutputSheet, OutputValue } from '../output';

/** Data rows of a template sheet. */
export type Rows = readonly (readonly OutputValue[])[];

/** A column with a width in characters and, optionally, a number format. */
export const col = (header: string, width: number, format?: OutputColumn['format']): OutputColumn =>
  format === undefined ? { header, width } : { header, width, format };

/** An input sheet as the writers take it: no highlights. */
export const sheet = (name: string, tableName: string, columns: OutputColumn[], rows: Rows, freezeColumns: number): OutputSheet => ({
  name,
  tableName,
  columns,
  rows,
  freezeColumns,
  highlights: [],
});

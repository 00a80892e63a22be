/**
 * 公示名单: the list an office posts — branch, unit, grade, 红旗候选, and scores only when asked.
 * Picked column by column from the run's 评定结果 (by header, never by position), so it always
 * agrees with it and can never carry a column it does not name.
 */
import type { OutputColumn, OutputSheet, OutputValue } from '../output';

export const PUBLIC_LIST_SHEET = '公示名单';

/** The published columns, in order. */
export const PUBLIC_COLUMNS = ['支部编号', '支部名称', '所属党委', '等次', '红旗候选'] as const;
/** Added at the end with includeScores. */
export const SCORE_COLUMNS = ['总分', '排名'] as const;

/** 公示名单 from 评定结果: the same rows in the same (支部) order, the named columns only. */
export function publicList(results: OutputSheet, includeScores: boolean): OutputSheet {
  const wanted: readonly string[] = includeScores ? [...PUBLIC_COLUMNS, ...SCORE_COLUMNS] : PUBLIC_COLUMNS;
  const picked: { readonly index: number; readonly column: OutputColumn }[] = [];
  for (const header of wanted) {
    const index = results.columns.findIndex((c) => c.header === header);
    const source = results.columns[index];
    if (source === undefined) continue;
    const column: OutputColumn = { header, ...(source.format === undefined ? {} : { format: source.format }), ...(source.width === undefined ? {} : { width: source.width }) };
    picked.push({ index, column });
  }
  const names = new Set(picked.map((p) => p.column.header));
  return {
    name: PUBLIC_LIST_SHEET,
    tableName: 'BR_Public',
    columns: picked.map((p) => p.column),
    rows: results.rows.map((r): OutputValue[] => picked.map(({ index }) => r[index] ?? null)),
    freezeColumns: Math.min(2, picked.length),
    highlights: results.highlights.filter((h) => names.has(h.column)),
  };
}

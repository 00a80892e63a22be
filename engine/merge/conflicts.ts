/**
 * The same (rater, branch, indicator) from two files is a conflict shown to the user (product.md
 * "Consolidation"), whether the values agree or not. The rows are still merged: the parser's §8 duplicate
 * rule then counts equal values once and refuses different ones, so nothing is ever counted twice.
 */
import { cellText, normId } from '../parse/normalize';
import { readNumberCell } from '../parse/numbers';
import { raterKey } from '../parse/scoreRules';
import { headerIndicatorId } from '../parse/wide';
import { isBlank } from '../raw';
import type { DataTable, WideForm } from './scan';
import type { MergeConflict } from './types';

/** One score as consolidation compares it. */
export interface ScoreKey {
  readonly rater: string;
  readonly branch: string;
  readonly indicator: string;
  readonly value: number;
}

/** The scores of the given rows of a long 评分 sheet (rows without a readable key or number are skipped). */
export function longScores(table: DataTable, rows: readonly number[]): ScoreKey[] {
  const b = table.colOf.get('支部编号');
  const i = table.colOf.get('指标编号');
  const r = table.colOf.get('评分人');
  const s = table.colOf.get('得分');
  if (b === undefined || i === undefined || r === undefined || s === undefined) return [];
  const out: ScoreKey[] = [];
  for (const row of rows) {
    const cells = table.sheet.cells[row] ?? [];
    const branch = normId(cells[b]);
    const indicator = normId(cells[i]);
    const rater = normId(cells[r]);
    const value = readNumberCell(cells[s], 'plain');
    if (branch === '' || indicator === '' || rater === '' || !value.ok) continue;
    out.push({ rater, branch, indicator, value: value.value });
  }
  return out;
}

/** The scores of the given rows of a wide form; columns are indicators when their header names an id of `has`. */
export function wideScores(form: WideForm, rows: readonly number[], has: (id: string) => boolean): ScoreKey[] {
  if (form.headerRow < 0) return [];
  const header = form.sheet.cells[form.headerRow] ?? [];
  const columns: { col: number; id: string }[] = [];
  const seen = new Set<string>();
  header.forEach((v, col) => {
    if (col === form.branchCol || isBlank(v) || typeof v === 'boolean' || v instanceof Date) return;
    const id = headerIndicatorId(cellText(v).trim(), has);
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    columns.push({ col, id });
  });
  const out: ScoreKey[] = [];
  for (const row of rows) {
    const cells = form.sheet.cells[row] ?? [];
    const branch = normId(cells[form.branchCol]);
    if (branch === '') continue;
    for (const { col, id } of columns) {
      const value = readNumberCell(cells[col], 'plain');
      if (value.ok) out.push({ rater: form.rater, branch, indicator: id, value: value.value });
    }
  }
  return out;
}

interface Entry {
  readonly rater: string;
  readonly branch: string;
  readonly indicator: string;
  readonly files: string[];
  readonly values: number[];
}

/** Collects every file's scores; a key given by two files (at least one of them contributed now) is a conflict. */
export class ConflictFinder {
  private readonly entries = new Map<string, Entry>();
  private readonly contributed = new Set<string>();

  /** Record a file's scores; `contributed` marks a source being merged now (not a file merged before). */
  add(file: string, scores: readonly ScoreKey[], contributed: boolean): void {
    if (contributed) this.contributed.add(file);
    for (const s of scores) {
      const key = `${raterKey(s.rater)}\u0001${s.branch}\u0001${s.indicator}`;
      let e = this.entries.get(key);
      if (!e) {
        e = { rater: s.rater, branch: s.branch, indicator: s.indicator, files: [], values: [] };
        this.entries.set(key, e);
      }
      // Within one file a repeat is the parser's §8 business, not a conflict between files.
      if (e.files.includes(file)) continue;
      e.files.push(file);
      e.values.push(s.value);
    }
  }

  /** The conflicts, by branch, indicator and rater (code-unit order, so the list does not depend on file order). */
  conflicts(): MergeConflict[] {
    const out: MergeConflict[] = [];
    for (const e of this.entries.values()) {
      if (e.files.length < 2 || !e.files.some((f) => this.contributed.has(f))) continue;
      out.push({ rater: e.rater, branch: e.branch, indicator: e.indicator, files: [...e.files], values: [...e.values] });
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort((a, b) => cmp(a.branch, b.branch) || cmp(a.indicator, b.indicator) || cmp(raterKey(a.rater), raterKey(b.rater)));
  }
}

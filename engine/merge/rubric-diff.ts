/**
 * A contributed workbook must have been filled against the master's rubric: its 指标 is compared with
 * the master's by 指标编号 (product.md "Consolidation": a workbook whose rubric differs is refused with
 * the differences listed). Values are compared as the parser reads them, so `10` and `１０分`, `0.6` and
 * `60%`, `score` and `评分`, `a + b` and `a+b` are equal; a blank 预警线 is not the same as a written one
 * (the file may have been made under other 参数).
 */
import { isBlank, type RawSheet } from '../raw';
import { cellText, normId, normName, toHalfWidth } from '../parse/normalize';
import { parseNumberText, readNumberCell } from '../parse/numbers';
import { readTable, type ColumnSpec } from '../parse/table';
import type { RubricDifference } from './types';

type Field = Exclude<RubricDifference['field'], 'missing' | 'extra'>;
type Col = 'id' | 'dimension' | 'points' | 'method' | 'formula' | 'alert' | 'veto';

const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'id', header: '指标编号', aliases: ['id'], required: true },
  { key: 'dimension', header: '一级指标', aliases: ['dimension'] },
  { key: 'points', header: '分值', aliases: ['points'] },
  { key: 'method', header: '计分方式', aliases: ['method'] },
  { key: 'formula', header: '台账公式', aliases: ['formula'] },
  { key: 'alert', header: '预警线', aliases: ['alert'] },
  { key: 'veto', header: '否决', aliases: ['veto'] },
];

const FIELDS: readonly (readonly [Col, Field])[] = [
  ['dimension', '一级指标'],
  ['points', '分值'],
  ['method', '计分方式'],
  ['formula', '台账公式'],
  ['veto', '否决'],
  ['alert', '预警线'],
];

const METHODS: ReadonlyMap<string, string> = new Map([
  ['评分', '评分'],
  ['台账', '台账'],
  ['加分', '加分'],
  ['扣分', '扣分'],
  ['score', '评分'],
  ['ledger', '台账'],
  ['bonus', '加分'],
  ['deduction', '扣分'],
]);

/** One indicator's compared fields: `shown` as written (for the user), `norm` to compare. */
interface Row {
  readonly shown: Readonly<Record<Field, string>>;
  readonly norm: Readonly<Record<Field, string>>;
}

/** The rubric's rows by 指标编号, in sheet order (the first row of a repeated id); null when unreadable. */
export function readRubric(sheet: RawSheet | undefined): ReadonlyMap<string, Row> | null {
  if (!sheet) return null;
  const table = readTable(sheet, COLUMNS, []);
  if (!table || !table.complete) return null;
  const idCol = table.columns.get('id') ?? 0;
  const rows = new Map<string, Row>();
  for (let r = table.headerRow + 1; r < sheet.cells.length; r++) {
    const cells = sheet.cells[r] ?? [];
    const id = normId(cells[idCol]);
    if (id === '' || rows.has(id)) continue;
    const shown = {} as Record<Field, string>;
    const norm = {} as Record<Field, string>;
    for (const [col, field] of FIELDS) {
      const c = table.columns.get(col);
      const v = c === undefined ? null : (cells[c] ?? null);
      shown[field] = isBlank(v) ? '' : cellText(v).trim();
      norm[field] = normalise(field, v);
    }
    rows.set(id, { shown, norm });
  }
  return rows;
}

function normalise(field: Field, v: Parameters<typeof readNumberCell>[0]): string {
  if (isBlank(v)) return field === '计分方式' ? '评分' : '';
  const text = cellText(v);
  switch (field) {
    case '分值': {
      const r = readNumberCell(v, 'plain');
      return r.ok ? String(r.value) : normName(text);
    }
    case '预警线': {
      const n = typeof v === 'number' ? v : parseNumberText(text, 'ratio');
      return n === undefined ? normName(text) : String(n);
    }
    case '计分方式':
      return METHODS.get(normName(text)) ?? normName(text);
    case '台账公式':
      // White space never changes a formula's meaning; 全角 operators read as their ASCII forms.
      return toHalfWidth(text).replace(/[\s\u3000]+/g, '');
    case '一级指标':
    case '否决':
      return normName(text);
  }
}

/**
 * Differences of `source` from `master`: per indicator of the master (in its order) `missing` or each
 * differing field, then the source's `extra` indicators. Empty when either rubric is unreadable (a file
 * without 指标 is accepted; the master's own 指标 problems are the parser's to report).
 */
export function diffRubrics(master: ReadonlyMap<string, Row> | null, source: ReadonlyMap<string, Row> | null): RubricDifference[] {
  if (!master || !source) return [];
  const out: RubricDifference[] = [];
  for (const [id, m] of master) {
    const s = source.get(id);
    if (!s) {
      out.push({ indicator: id, field: 'missing', master: id, source: '' });
      continue;
    }
    for (const [, field] of FIELDS) {
      if (m.norm[field] !== s.norm[field]) out.push({ indicator: id, field, master: m.shown[field], source: s.shown[field] });
    }
  }
  for (const id of source.keys()) {
    if (!master.has(id)) out.push({ indicator: id, field: 'extra', master: '', source: id });
  }
  return out;
}

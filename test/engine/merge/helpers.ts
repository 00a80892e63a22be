/** Builders for the consolidation tests: the sample split into a master and evaluator files, result digests. */
import { runWorkbook, type Report } from '../../../engine/index';
import type { MergeSource } from '../../../engine/merge';
import type { RawSheet, RawWorkbook, Scalar } from '../../../engine/raw';
import { sampleWorkbook } from '../../../engine/template';

export const BALLOT_SHEETS = ['双述双评', '满意度', '民主评议'] as const;

export function sheetNamed(raw: RawWorkbook, name: string): RawSheet {
  const s = raw.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${raw.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The row of the first cell equal to `text` (a header row), or -1. */
export function rowOf(sheet: RawSheet, text: string): number {
  return sheet.cells.findIndex((row) => row.includes(text));
}

/** Header + the data rows [from, to) of a table sheet (header = first row holding 支部编号 or 党员编号). */
export function slice(sheet: RawSheet, from: number, to: number, name = sheet.name): RawSheet {
  const h = Math.max(rowOf(sheet, '支部编号'), 0);
  const data = sheet.cells.slice(h + 1);
  return { name, cells: [...sheet.cells.slice(0, h + 1), ...data.slice(from, to)] };
}

export function dataCount(sheet: RawSheet): number {
  return sheet.cells.length - 1 - Math.max(rowOf(sheet, '支部编号'), 0);
}

/** A wide form turned into long 评分 rows (上级). */
export function wideToLong(form: RawSheet, rater: string): RawSheet {
  const h = rowOf(form, '支部编号');
  const header = form.cells[h] ?? [];
  const rows: Scalar[][] = [['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注']];
  for (const row of form.cells.slice(h + 1)) {
    header.forEach((text, c) => {
      if (c < 2 || row[c] === null || row[c] === undefined) return;
      const id = String(text).split(' ')[0] ?? '';
      rows.push([row[0] ?? null, id, rater, '上级', row[c] ?? null, null]);
    });
  }
  return { name: '评分', cells: rows };
}

export interface Split {
  readonly single: RawWorkbook;
  readonly master: RawWorkbook;
  readonly evaluators: MergeSource[];
}

/**
 * The sample of `branches` branches as one workbook, and as a master (支部, 指标, 参数, 台账, 否决, the 自评
 * rows of 评分) plus 10 evaluator files: four whole 评分-<rater> forms (files 1–4), one form split by
 * branch rows across files 5 and 6 (same sheet name: the second is renamed), one rater's scores as long
 * rows in file 8 (with a copy of 指标), and a tenth of each ballot sheet in every file.
 */
export function splitSample(branches = 60): Split {
  const single = sampleWorkbook({ branches });
  const forms = single.sheets.filter((s) => s.name.startsWith('评分-'));
  if (forms.length !== 6) throw new Error(`expected 6 forms, got ${forms.length}`);
  const masterNames = ['支部', '指标', '评分', '台账', '否决', '参数', '填表说明'];
  const master: RawWorkbook = { sheets: masterNames.map((n) => sheetNamed(single, n)) };
  const [f0, f1, f2, f3, f4, f5] = forms as [RawSheet, RawSheet, RawSheet, RawSheet, RawSheet, RawSheet];
  const half = Math.floor(dataCount(f4) / 2);
  const own: RawSheet[][] = [
    [f0],
    [f1],
    [f2],
    [f3],
    [slice(f4, 0, half)],
    [slice(f4, half, dataCount(f4))],
    [],
    [wideToLong(f5, f5.name.slice(3)), sheetNamed(single, '指标')],
    [],
    [],
  ];
  const evaluators = own.map((sheets, i): MergeSource => {
    const ballots = BALLOT_SHEETS.map((name) => {
      const s = sheetNamed(single, name);
      const n = dataCount(s);
      return slice(s, Math.floor((n * i) / 10), Math.floor((n * (i + 1)) / 10));
    });
    return { name: `评委${i + 1}.xlsx`, workbook: { sheets: [...sheets, ...ballots] } };
  });
  return { single, master, evaluators };
}

/**
 * What a grading run shows, without cell addresses: every output sheet but 数据校验, and the issue codes.
 * `anyRowOrder`: output rows sorted (民主评议汇总 lists members in the order the ballots first name them).
 */
export function gradingDigest(report: Report, anyRowOrder = false): unknown {
  const sortRows = (rows: readonly (readonly unknown[])[]) => (anyRowOrder ? rows.map((r) => JSON.stringify(r)).sort() : rows);
  const outputs = report.outputs
    .filter((o) => o.name !== '数据校验')
    .map((o) => ({ name: o.name, header: o.columns.map((c) => c.header), rows: sortRows(o.rows) }));
  const results = report.results.map((r) => ({
    id: r.branch.id,
    total: r.total,
    percent: r.percent,
    grade: r.grade,
    baseGrade: r.baseGrade,
    scores: [...r.indicatorScores].sort(([a], [b]) => (a < b ? -1 : 1)),
    satisfaction: r.satisfaction,
    goodRate: r.goodRate,
    redFlag: r.redFlag,
  }));
  const codes = report.issues.map((i) => i.code).sort();
  return { outputs, results, gaps: report.gaps.length, codes };
}

export function grade(raw: RawWorkbook): Report {
  return runWorkbook(raw);
}

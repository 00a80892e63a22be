import { describe, expect, it } from 'vitest';
import { EXPORT_PRINT, EXPORT_SHEET_NAMES, ExportError, PUBLIC_COLUMNS, exportSheets } from '../../../engine/export/index';
import { yearLabel } from '../../../engine/export/titles';
import { runWorkbook, type OutputSheet, type RawWorkbook, type Report } from '../../../engine/index';
import { sampleWorkbook } from '../../../engine/template/raw';

const DATE = '2026-11-21';
const REPORT = runWorkbook(sampleWorkbook({ branches: 12, seed: 7 }));

function byName(sheets: readonly OutputSheet[], name: string): OutputSheet {
  const s = sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no ${name}`);
  return s;
}

function headers(s: OutputSheet): string[] {
  return s.columns.map((c) => c.header);
}

/** The column of `sheet` as a list, by header. */
function column(s: OutputSheet, header: string): unknown[] {
  const i = headers(s).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return s.rows.map((r) => r[i] ?? null);
}

/** The same workbook with 评定年度 replaced (or removed when null). */
function withYear(raw: RawWorkbook, year: string | null): RawWorkbook {
  return {
    sheets: raw.sheets.map((s) =>
      s.name !== '参数' ? s : { ...s, cells: s.cells.map((r) => (r[0] === '评定年度' ? ['评定年度', year] : r)) },
    ),
  };
}

describe('exportSheets', () => {
  const sheets = exportSheets(REPORT, { date: DATE });

  it('exports 公示名单, 单位汇总, 评定结果 and 问题清单, in that order, and nothing else', () => {
    expect(sheets.map((s) => s.name)).toEqual([...EXPORT_SHEET_NAMES]);
    expect(EXPORT_SHEET_NAMES).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
    // The run has more sheets (数据校验, ballots, 评分一致性 …): none of them is published.
    expect(REPORT.outputs.length).toBeGreaterThan(4);
  });

  it('公示名单 has branch, unit, grade and 红旗候选, no scores', () => {
    const list = byName(sheets, '公示名单');
    expect(headers(list)).toEqual([...PUBLIC_COLUMNS]);
    expect(headers(list)).toEqual(['支部编号', '支部名称', '所属党委', '等次', '红旗候选']);
    const results = byName(REPORT.outputs, '评定结果');
    for (const h of headers(list)) expect(column(list, h)).toEqual(column(results, h));
    expect(list.rows).toHaveLength(12);
    expect(list.tableName).toBe('BR_Public');
    // 等次 and 红旗候选 keep their colours.
    expect(new Set(list.highlights.map((h) => h.column))).toEqual(new Set(['等次', '红旗候选']));
  });

  it('公示名单 adds 总分 and 排名 only with includeScores', () => {
    const list = byName(exportSheets(REPORT, { date: DATE, includeScores: true }), '公示名单');
    expect(headers(list)).toEqual(['支部编号', '支部名称', '所属党委', '等次', '红旗候选', '总分', '排名']);
    const results = byName(REPORT.outputs, '评定结果');
    expect(column(list, '总分')).toEqual(column(results, '总分'));
    expect(column(list, '排名')).toEqual(column(results, '排名'));
    expect(list.columns.find((c) => c.header === '总分')?.format).toBe('0.00');
    expect(headers(byName(exportSheets(REPORT, { date: DATE, includeScores: false }), '公示名单'))).not.toContain('总分');
  });

  it('reuses the rows the run emitted, without recomputing', () => {
    for (const name of ['单位汇总', '评定结果', '问题清单']) {
      const exported = byName(sheets, name);
      const emitted = byName(REPORT.outputs, name);
      expect(exported.rows).toBe(emitted.rows);
      expect(exported.columns).toBe(emitted.columns);
    }
  });

  it('keeps 单位汇总 chart', () => {
    expect(byName(sheets, '单位汇总').chart).toEqual({
      title: '各单位等次分布',
      categoryColumn: '所属党委',
      seriesColumns: ['好', '较好', '一般', '较差'],
      excludeLastRow: true,
    });
  });

  it('puts a title with 评定年度 and the date above every sheet', () => {
    expect(sheets.map((s) => s.preamble)).toEqual([
      [['2026年度党支部分类定级结果公示'], ['导出日期：2026-11-21']],
      [['2026年度党支部分类定级单位汇总'], ['导出日期：2026-11-21']],
      [['2026年度党支部分类定级评定结果'], ['导出日期：2026-11-21']],
      [['2026年度党支部问题清单'], ['导出日期：2026-11-21']],
    ]);
  });

  it('makes every sheet print-ready: landscape, one page wide, header repeated', () => {
    for (const s of sheets) expect(s.print).toEqual({ orientation: 'landscape', fitToWidth: true, repeatHeader: true });
    expect(EXPORT_PRINT).toEqual({ orientation: 'landscape', fitToWidth: true, repeatHeader: true });
    // The run's own sheets are untouched (the export is a copy).
    for (const s of REPORT.outputs) expect(s.print).toBeUndefined();
  });

  it('never shows a rater', () => {
    const raters = [...new Set(REPORT.model.scores.map((s) => s.rater))];
    expect(raters.length).toBeGreaterThan(5);
    for (const s of exportSheets(REPORT, { date: DATE, includeScores: true })) {
      const texts = [...(s.preamble ?? []), headers(s), ...s.rows].flat().filter((v): v is string => typeof v === 'string');
      for (const rater of raters) expect(texts.filter((t) => t.includes(rater))).toEqual([]);
    }
  });

  it('titles follow 评定年度 as written, and drop it when not set', () => {
    const raw = sampleWorkbook({ branches: 3, units: 2, seed: 1 });
    const title = (year: string | null): unknown => exportSheets(runWorkbook(withYear(raw, year)), { date: DATE }).at(0)?.preamble?.[0]?.[0];
    expect(title('2025年')).toBe('2025年度党支部分类定级结果公示');
    expect(title('2025年度')).toBe('2025年度党支部分类定级结果公示');
    expect(title(null)).toBe('党支部分类定级结果公示');
    expect(yearLabel('2025-2026学年度', 'zh-CN')).toBe('2025-2026学年度');
  });

  it('writes the titles in English with locale en-US (headers stay Chinese)', () => {
    const en = exportSheets(REPORT, { date: DATE, locale: 'en-US' });
    expect(en[0]?.preamble).toEqual([['2026 party branch grading — public list'], ['Exported: 2026-11-21']]);
    expect(headers(en[0] as OutputSheet)).toEqual([...PUBLIC_COLUMNS]);
  });

  it('refuses a date that is not YYYY-MM-DD (the adapter passes its clock)', () => {
    for (const date of ['2026/11/21', '21-11-2026', '2026-13-01', '2026-11-00', '2026-11-31', '2026-02-29', '1900-02-29', '']) {
      expect(() => exportSheets(REPORT, { date })).toThrow(ExportError);
    }
    for (const date of ['2028-02-29', '2000-02-29', '2026-12-31']) expect(() => exportSheets(REPORT, { date })).not.toThrow();
  });

  it('refuses a report without its output sheets (a programmer error)', () => {
    const broken: Report = { ...REPORT, outputs: REPORT.outputs.filter((s) => s.name !== '问题清单') };
    expect(() => exportSheets(broken, { date: DATE })).toThrow(/问题清单/);
  });
});

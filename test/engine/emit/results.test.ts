import { describe, expect, it } from 'vitest';
import { emitOutputs } from '../../../engine/emit';
import { emitContext } from '../../../engine/emit/context';
import { emitResults } from '../../../engine/emit/results';
import { issue } from '../../../engine/issues';
import { renderGradeReasons, renderRedFlagFailures, renderUnrated } from '../../../engine/messages';
import type { MissingCell } from '../../../engine/results';
import { branch, cell, column, dim, gap, indicator, model, record, result, unrated } from './build';

const B1 = branch('001', { name: '一支部', unit: '文学院党委', previous: 0 });
const B2 = branch('002', { name: '二支部', unit: '理学院党委' });
const B3 = branch('003', { name: '三支部', unit: '文学院党委' });
const M = model(
  [B1, B2, B3],
  [indicator('1.1', '组织队伍强', 10), indicator('2.1', '制度机制强', 10, 'ledger'), indicator('9.1', '加分项', 5, 'bonus')],
);
const MISSING: MissingCell[] = Array.from({ length: 6 }, (_, i) => ({ kind: 'unscored', indicator: `2.${i + 1}`, cells: [] }));
const RESULTS = [
  result(B1, {
    dimensions: [dim('组织队伍强', 10, 9.345, true), dim('制度机制强', 10, 8.5, true)],
    bonus: 2.345,
    deduction: 1,
    percent: 89.225,
    total: 90.57,
    rank: 1,
    unitRank: 1,
    strongCount: 2,
    allStrong: true,
    satisfaction: 0.953333,
    baseGrade: 0,
    grade: 0,
    redFlag: true,
  }),
  unrated(B2, { dimensions: [dim('组织队伍强', 10, 7.5, false), dim('制度机制强', 10, null)], missing: MISSING, weak: true }),
  result(B3, {
    dimensions: [dim('组织队伍强', 10, 5, false), dim('制度机制强', 10, 6, false)],
    percent: 55,
    total: 55,
    rank: 2,
    unitRank: 2,
    strongCount: 0,
    baseGrade: 3,
    grade: 3,
    reasons: [{ kind: 'veto', effect: { kind: 'force', grade: 3 }, matter: '违纪' }],
    vetoed: true,
    redFlagFailures: [{ kind: 'notAllStrong', weak: ['组织队伍强', '制度机制强'] }, { kind: 'veto' }],
  }),
];
const GAPS = [gap('003', '维度未达强', '组织队伍强'), gap('003', '否决事项', '违纪'), gap('002', '维度未达强', '组织队伍强')];

function sheet(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return emitResults(emitContext({ model: M, results: RESULTS, gaps: GAPS, issues: [], existing: { sheets: [] }, locale }));
}

describe('评定结果', () => {
  it('has the contract columns, with one column per dimension between 所属党委 and 加分', () => {
    expect(sheet().columns.map((c) => c.header)).toEqual([
      '支部编号', '支部名称', '所属党委', '组织队伍强', '制度机制强', '加分', '扣分', '百分制', '总分', '排名', '单位排名', '强项数',
      '六强达标', '满意率', '等次', '等次说明', '红旗候选', '未达原因', '上年等次', '软弱涣散排查', '问题数',
    ]);
  });

  it('writes a graded branch with scores rounded to 小数位数 and 满意率 as a ratio', () => {
    expect(record(sheet(), 0)).toEqual({
      支部编号: '001', 支部名称: '一支部', 所属党委: '文学院党委', 组织队伍强: 9.35, 制度机制强: 8.5, 加分: 2.35, 扣分: 1, 百分制: 89.23,
      总分: 90.57, 排名: 1, 单位排名: 1, 强项数: 2, 六强达标: '是', 满意率: 0.9533, 等次: '好', 等次说明: null, 红旗候选: '是',
      未达原因: null, 上年等次: '好', 软弱涣散排查: null, 问题数: 0,
    });
  });

  it('writes a 未评定 branch with its complete dimensions only and the totals blank', () => {
    expect(record(sheet(), 1)).toEqual({
      支部编号: '002', 支部名称: '二支部', 所属党委: '理学院党委', 组织队伍强: 7.5, 制度机制强: null, 加分: 0, 扣分: 0, 百分制: null, 总分: null,
      排名: null, 单位排名: null, 强项数: null, 六强达标: null, 满意率: null, 等次: '未评定', 等次说明: renderUnrated(MISSING, 'zh-CN'),
      红旗候选: '否', 未达原因: renderRedFlagFailures([{ kind: 'unrated' }], { gradeNames: M.settings.gradeNames, decimals: 2 }, 'zh-CN'),
      上年等次: null, 软弱涣散排查: '是', 问题数: 1,
    });
  });

  it('explains a moved grade and a failed 红旗候选 in the locale, and counts this run’s gaps', () => {
    const ctx = { gradeNames: M.settings.gradeNames, decimals: 2 };
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const s = sheet(locale);
      expect(cell(s, 2, '等次')).toBe('较差');
      expect(cell(s, 2, '等次说明')).toBe(renderGradeReasons(RESULTS[2]?.reasons ?? [], ctx, locale));
      expect(cell(s, 2, '未达原因')).toBe(renderRedFlagFailures(RESULTS[2]?.redFlagFailures ?? [], ctx, locale));
    }
    expect(column(sheet(), '问题数')).toEqual([0, 1, 2]);
  });

  it('formats scores to 小数位数, ranks and counts as whole numbers, 满意率 as a percent', () => {
    const formats = Object.fromEntries(sheet().columns.map((c) => [c.header, c.format ?? null]));
    expect(formats).toMatchObject({ 组织队伍强: '0.00', 加分: '0.00', 百分制: '0.00', 总分: '0.00', 排名: '0', 单位排名: '0', 强项数: '0', 满意率: '0.00%', 问题数: '0', 支部编号: '@' });
  });

  it('follows 小数位数 = 1', () => {
    const m1 = model(M.branches, M.indicators, { decimals: 1 });
    const s = emitResults(emitContext({ model: m1, results: RESULTS, gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN' }));
    expect(cell(s, 0, '组织队伍强')).toBe(9.3);
    expect(cell(s, 0, '百分制')).toBe(89.2);
    expect(cell(s, 0, '满意率')).toBe(0.953);
    expect(s.columns.find((c) => c.header === '总分')?.format).toBe('0.0');
    expect(s.columns.find((c) => c.header === '满意率')?.format).toBe('0.0%');
  });

  it('colours grades by position and red-flag candidates, freezes two columns and names the table', () => {
    const s = sheet();
    expect(s.highlights).toEqual([
      { column: '等次', equals: '好', style: 'good' },
      { column: '等次', equals: '较好', style: 'fair' },
      { column: '等次', equals: '一般', style: 'warn' },
      { column: '等次', equals: '较差', style: 'bad' },
      { column: '等次', equals: '未评定', style: 'bad' },
      { column: '红旗候选', equals: '是', style: 'good' },
    ]);
    expect(s.freezeColumns).toBe(2);
    expect(s.tableName).toBe('BR_Results');
    expect(s.name).toBe('评定结果');
  });

  it('uses the run’s grade names for 等次 and 上年等次', () => {
    const named = model(M.branches, M.indicators, { gradeNames: ['A', 'B', 'C', 'D'] });
    const s = emitResults(emitContext({ model: named, results: RESULTS, gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN' }));
    expect(column(s, '等次')).toEqual(['A', '未评定', 'D']);
    expect(column(s, '上年等次')).toEqual(['A', null, null]);
  });
});

describe('emitOutputs', () => {
  it('writes 评定结果, 问题清单, 单位汇总 and 数据校验 in that order, with unique ASCII table names', () => {
    const out = emitOutputs({
      model: M,
      results: RESULTS,
      gaps: GAPS,
      issues: [issue('RUBRIC_EMPTY', { sheet: '指标' }, {})],
      existing: { sheets: [] },
      locale: 'zh-CN',
    });
    expect(out.map((s) => s.name)).toEqual(['评定结果', '问题清单', '单位汇总', '数据校验']);
    const tables = out.map((s) => s.tableName);
    expect(new Set(tables).size).toBe(4);
    for (const t of tables) expect(t).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    for (const s of out) for (const r of s.rows) expect(r.length).toBe(s.columns.length);
  });
});

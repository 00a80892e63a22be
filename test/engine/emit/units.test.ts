import { describe, expect, it } from 'vitest';
import { emitContext } from '../../../engine/emit/context';
import { emitUnits } from '../../../engine/emit/units';
import { branch, gap, model, record, result, unrated } from './build';

const A1 = branch('A1', { unit: '文学院党委' });
const B1 = branch('B1', { unit: '理学院党委' });
const A2 = branch('A2', { unit: '文学院党委' });
const A3 = branch('A3', { unit: '文学院党委' });
const C1 = branch('C1', { unit: '未分组' }); // in 支部 but without a result (not computed)
const M = model([A1, B1, A2, A3, C1]);
const RESULTS = [
  result(A1, { total: 92.345, grade: 0, allStrong: true, redFlag: true }),
  result(B1, { total: 81, grade: 1 }),
  result(A2, { total: 70.001, grade: 2, allStrong: true }),
  unrated(A3),
];
const GAPS = [gap('A2', '维度未达强', 'x'), gap('A3', '维度未达强', 'x'), gap('A3', '否决事项', 'y'), gap('B1', '连续较差', '等次')];

function sheet(locale: 'zh-CN' | 'en-US' = 'zh-CN', decimals = 2) {
  return emitUnits(emitContext({ model: model(M.branches, [], { decimals }), results: RESULTS, gaps: GAPS, issues: [], existing: { sheets: [] }, locale }));
}

describe('单位汇总', () => {
  it('has the contract columns with one column per grade name', () => {
    expect(sheet().columns.map((c) => c.header)).toEqual(['所属党委', '支部数', '未评定', '好', '较好', '一般', '较差', '六强达标', '红旗候选', '平均总分', '问题数']);
    expect(sheet().columns.map((c) => c.format ?? null)).toEqual([null, '0', '0', '0', '0', '0', '0', '0', '0', '0.00', '0']);
  });

  it('counts per unit in order of first appearance, then a 合计 row', () => {
    const s = sheet();
    expect(s.rows.map((r) => r[0])).toEqual(['文学院党委', '理学院党委', '未分组', '合计']);
    expect(record(s, 0)).toEqual({ 所属党委: '文学院党委', 支部数: 3, 未评定: 1, 好: 1, 较好: 0, 一般: 1, 较差: 0, 六强达标: 2, 红旗候选: 1, 平均总分: 81.17, 问题数: 3 });
    expect(record(s, 1)).toEqual({ 所属党委: '理学院党委', 支部数: 1, 未评定: 0, 好: 0, 较好: 1, 一般: 0, 较差: 0, 六强达标: 0, 红旗候选: 0, 平均总分: 81, 问题数: 1 });
    expect(record(s, 2)).toEqual({ 所属党委: '未分组', 支部数: 1, 未评定: 0, 好: 0, 较好: 0, 一般: 0, 较差: 0, 六强达标: 0, 红旗候选: 0, 平均总分: null, 问题数: 0 });
    // 平均总分 of 合计 is over all graded branches: (92.345 + 81 + 70.001) / 3 = 81.115333…
    expect(record(s, 3)).toEqual({ 所属党委: '合计', 支部数: 5, 未评定: 1, 好: 1, 较好: 1, 一般: 1, 较差: 0, 六强达标: 2, 红旗候选: 1, 平均总分: 81.12, 问题数: 4 });
  });

  it('rounds 平均总分 to 小数位数', () => {
    expect(record(sheet('zh-CN', 0), 3)['平均总分']).toBe(81);
    expect(record(sheet('zh-CN', 3), 0)['平均总分']).toBe(81.173);
  });

  it('charts the grade columns by unit, without the 合计 row, titled in the locale', () => {
    const zh = sheet().chart;
    expect(zh).toMatchObject({ categoryColumn: '所属党委', seriesColumns: ['好', '较好', '一般', '较差'], excludeLastRow: true });
    expect(zh?.title.length).toBeGreaterThan(0);
    expect(sheet('en-US').chart?.title).not.toBe(zh?.title);
    expect(sheet().tableName).toBe('BR_Units');
  });
});

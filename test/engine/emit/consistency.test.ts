import { describe, expect, it } from 'vitest';
import { runWorkbook } from '../../../engine';
import { computeResults } from '../../../engine/compute';
import { raterConsistency, type ConsistencyResult, type RaterConsistency } from '../../../engine/compute/consistency';
import { emitOutputs } from '../../../engine/emit';
import { CONCORDANCE_HEADER, CONCORDANCE_TITLE, CONSISTENCY_SHEET, emitConsistency } from '../../../engine/emit/consistency';
import { emitContext } from '../../../engine/emit/context';
import { compareIssues } from '../../../engine/issues';
import { OUTPUT_SHEET_NAMES } from '../../../engine/output';
import { parseWorkbook } from '../../../engine/parse';
import { sampleWorkbook } from '../../../engine/template';
import { buildModel, sc } from '../compute/build';
import { branch, model, record } from './build';

const M = model([branch('X')]);

function rater(over: Partial<RaterConsistency>): RaterConsistency {
  return {
    role: '上级',
    rater: '甲',
    branches: 3,
    cells: 6,
    meanDeviation: 0,
    meanAbsDeviation: 0,
    relativeDeviation: 0,
    z: 0,
    looZ: null,
    flag: null,
    constant: false,
    ...over,
  };
}

const RESULT: ConsistencyResult = {
  raters: [
    rater({ rater: '甲', meanDeviation: 1.23456, meanAbsDeviation: 2.005, relativeDeviation: 0.123456, z: 2.3456, flag: 'high' }),
    rater({ rater: '乙', meanDeviation: -0.5, meanAbsDeviation: 0.5, relativeDeviation: -0.0625, z: -1, flag: 'low', constant: true }),
    rater({ role: '自评', rater: 'X书记', branches: 1, cells: 0, meanDeviation: null, meanAbsDeviation: null, relativeDeviation: null, z: null, constant: null }),
  ],
  concordance: [
    { role: '上级', raters: 2, branches: 3, w: 0.8690476, status: 'strong', excluded: 1 },
    { role: '自评', raters: 1, branches: 1, w: null, status: 'raters', excluded: 0 },
  ],
};

/** `null`: no consistency in the input at all. */
function sheet(consistency: ConsistencyResult | null = RESULT, locale: 'zh-CN' | 'en-US' = 'zh-CN', decimals = 2) {
  const ctx = emitContext({
    model: model([branch('X')], [], { decimals }),
    results: [],
    gaps: [],
    issues: [],
    existing: { sheets: [] },
    locale,
    ...(consistency === null ? {} : { consistency }),
  });
  return emitConsistency(ctx);
}

describe('评分一致性 sheet', () => {
  it('has the columns and formats of the brief', () => {
    const s = sheet();
    expect(s?.name).toBe('评分一致性');
    expect(s?.tableName).toBe('BR_Consistency');
    expect(s?.columns.map((c) => c.header)).toEqual([
      '评分人类别',
      '评分人',
      '评分支部数',
      '比较单元格数',
      '平均偏差',
      '平均绝对偏差',
      '相对偏差',
      'z 值',
      '偏离提示',
      '打分无差异',
    ]);
    expect(s?.columns.map((c) => c.format ?? null)).toEqual([null, null, '0', '0', '0.00', '0.00', '0.00%', '0.00', null, null]);
    expect(s?.freezeColumns).toBe(2);
  });

  it('writes one row per rater, rounded once: points to 小数位数, 相对偏差 to 小数位数 + 2, z to 2', () => {
    const s = sheet();
    expect(s?.rows).toEqual([
      ['上级', '甲', 3, 6, 1.23, 2.01, 0.1235, 2.35, '偏高', '否'],
      ['上级', '乙', 3, 6, -0.5, 0.5, -0.0625, -1, '偏低', '是'],
      ['自评', 'X书记', 1, 0, null, null, null, null, null, null],
    ]);
    // 小数位数 0: points whole, percents whole, z still 2 decimals.
    const s0 = sheet(RESULT, 'zh-CN', 0);
    expect(record(s0!, 0)).toMatchObject({ 平均偏差: 1, 平均绝对偏差: 2, 相对偏差: 0.12, 'z 值': 2.35 });
    expect(s0?.columns.find((c) => c.header === '相对偏差')?.format).toBe('0%');
  });

  it("puts Kendall's W per role in a block above the table, 说明 in the locale", () => {
    expect(sheet()?.preamble).toEqual([
      [CONCORDANCE_TITLE],
      [...CONCORDANCE_HEADER],
      ['上级', 2, 3, 0.869, '一致性较强（W ≥ 0.7）；另有 1 名评分人未完整评分这些支部，未计入'],
      ['自评', 1, 1, null, '评分人不足 2 人，无法计算'],
      [],
    ]);
    expect(CONCORDANCE_HEADER).toEqual(['评分人类别', '评分人数', '支部数', 'W', '说明']);
    const en = sheet(RESULT, 'en-US')?.preamble?.[2];
    expect(en?.[4]).toBe('strong agreement (W ≥ 0.7); 1 more rater left out (not every branch of the block scored)');
  });

  it('highlights the flags', () => {
    expect(sheet()?.highlights).toEqual([
      { column: '偏离提示', equals: '偏高', style: 'warn' },
      { column: '偏离提示', equals: '偏低', style: 'warn' },
      { column: '打分无差异', equals: '是', style: 'warn' },
    ]);
  });

  it('is not written without a consistency result or without any rater', () => {
    expect(sheet(null)).toBeNull();
    expect(sheet({ raters: [], concordance: [] })).toBeNull();
  });

  it('renders compute’s numbers for a hand-computed case (A 6, B 8, C 10 on one cell of 分值 10)', () => {
    const m = buildModel({ branches: ['X'], indicators: [{ id: '1.1', points: 10 }], scores: [sc('X', '1.1', 'A', 6), sc('X', '1.1', 'B', 8), sc('X', '1.1', 'C', 10)] });
    const s = emitConsistency(emitContext({ model: m, results: [], gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN', consistency: raterConsistency(m) }));
    // −3, 0, +3 points; −30%, 0, 30%; z = ∓√1.5 = ∓1.22; one rater, one branch each → 打分无差异 blank.
    expect(s?.rows).toEqual([
      ['上级', 'A', 1, 1, -3, 3, -0.3, -1.22, null, null],
      ['上级', 'B', 1, 1, 0, 0, 0, 0, null, null],
      ['上级', 'C', 1, 1, 3, 3, 0.3, 1.22, null, null],
    ]);
    // m = 3 raters but n = 1 branch: no W.
    expect(s?.preamble?.[2]).toEqual(['上级', 3, 1, null, '没有 2 名以上评分人都完整评分（全部评分指标）的 2 个以上支部，无法计算']);
  });
});

describe('评分一致性 among the outputs', () => {
  it('is listed in OUTPUT_SHEET_NAMES (so a re-run never reads it as input) and written just before 数据校验', () => {
    expect(OUTPUT_SHEET_NAMES as readonly string[]).toContain(CONSISTENCY_SHEET);
    const out = emitOutputs({ model: M, results: [], gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN', consistency: RESULT });
    expect(out.map((s) => s.name)).toEqual(['评定结果', '问题清单', '单位汇总', '评分一致性', '数据校验']);
  });

  it('runWorkbook writes it, and every other sheet is exactly what it would be without it', () => {
    const raw = sampleWorkbook({ branches: 6, units: 2, seed: 3 });
    const report = runWorkbook(raw);
    const names = report.outputs.map((s) => s.name);
    expect(names).toContain(CONSISTENCY_SHEET);
    expect(names.indexOf(CONSISTENCY_SHEET)).toBe(names.indexOf('数据校验') - 1);

    const parsed = parseWorkbook(raw);
    const computed = computeResults(parsed.model);
    const without = emitOutputs({
      model: parsed.model,
      results: computed.results,
      gaps: computed.gaps,
      issues: [...parsed.issues, ...computed.issues].sort(compareIssues),
      existing: raw,
      locale: 'zh-CN',
      ballots: computed.ballots,
    });
    expect(without.map((s) => s.name)).not.toContain(CONSISTENCY_SHEET);
    expect(report.outputs.filter((s) => s.name !== CONSISTENCY_SHEET)).toEqual(without);
  });

  it('a previous run’s 评分一致性 sheet is not read as a scoring form or input', () => {
    const raw = sampleWorkbook({ branches: 6, units: 2, seed: 3 });
    const first = runWorkbook(raw);
    const sheetOf = first.outputs.find((s) => s.name === CONSISTENCY_SHEET);
    expect(sheetOf).toBeDefined();
    const again = runWorkbook({ sheets: [...raw.sheets, { name: CONSISTENCY_SHEET, cells: [['评分人类别', '评分人'], ['上级', '甲']] }] });
    expect(again.issues).toEqual(first.issues);
    expect(again.outputs.find((s) => s.name === CONSISTENCY_SHEET)).toEqual(sheetOf);
  });
});

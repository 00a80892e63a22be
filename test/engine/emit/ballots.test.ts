/** The ballot output sheets from hand-made BallotResults: exact rows, formats, `<3`, merges of 最终等次. */
import { describe, expect, it } from 'vitest';
import type { AppraisalResult, BallotResults, BranchAppraisal, Member, ReviewResult, SatisfactionResult } from '../../../engine/ballots';
import { emitOutputs } from '../../../engine/emit';
import { emitAppraisal } from '../../../engine/emit/appraisal';
import { emitContext, type EmitInput } from '../../../engine/emit/context';
import { emitReview, emitReviewGroups } from '../../../engine/emit/review';
import { emitSatisfaction } from '../../../engine/emit/satisfaction';
import { renderAppraisalWarning, type AppraisalWarning, type Locale } from '../../../engine/messages';
import type { Model } from '../../../engine/model';
import type { OutputSheet } from '../../../engine/output';
import type { RawSheet } from '../../../engine/raw';
import { asRaw, branch, cell, column, model, record, result, stats, withBallots } from './build';

const BASE = model([
  branch('001', { name: '一支部', secretary: '张三' }),
  branch('002', { name: '二支部', secretary: '李四' }),
  branch('003', { name: '三支部' }),
]);
const M = withBallots(BASE, ['review', 'satisfaction', 'appraisal']);

const R1: ReviewResult = {
  branch: '001',
  aspects: [
    { aspect: '党建', counts: stats([3, 1, 1, 0], 1), goodRate: 0.8, badRate: 0, score: 88.123456 },
    { aspect: '业务', counts: stats([1, 1, 2, 2]), goodRate: 1 / 3, badRate: 1 / 3, score: 63.333333 },
  ],
  goodRate: 6 / 11,
  badRate: 2 / 11,
  composite: 78.2051,
  grade: 2,
  interview: true,
  // Out of contract order on purpose: the sheet lists 上级 before 党员, 党建 before 业务.
  groups: [
    { group: '党员', aspect: '业务', suppressed: false, counts: stats([1, 1, 2, 1]), score: 64 },
    { group: '上级', aspect: '党建', suppressed: true, counts: stats([1, 0, 0, 0]), score: 100 },
    { group: '党员', aspect: '党建', suppressed: false, counts: stats([2, 1, 1, 0], 1), score: 85 },
    { group: '上级', aspect: '业务', suppressed: true, counts: stats([0, 0, 0, 1]), score: 40 },
  ],
};
/** Every ballot invalid for 党建 and no 业务 at all: blank rates and scores, counts still written. */
const R3: ReviewResult = {
  branch: '003',
  aspects: [{ aspect: '党建', counts: stats([0, 0, 0, 0], 3), goodRate: null, badRate: null, score: null }],
  goodRate: null,
  badRate: null,
  composite: null,
  grade: null,
  interview: false,
  groups: [{ group: '党员', aspect: '党建', suppressed: false, counts: stats([0, 0, 0, 0], 3), score: null }],
};

const S1: SatisfactionResult = { branch: '001', counts: stats([6, 2, 2, 5], 1, 10), rate: 0.8, score: 80 };
const S2: SatisfactionResult = { branch: '002', counts: stats([0, 0, 0, 3], 0, 0), rate: null, score: null };

function member(id: string, name: string, branchId: string): Member {
  return { id, name, branch: branchId, at: { sheet: '民主评议', row: 1, col: 0 } };
}
function appraisal(m: Member, levels: number[], over: Partial<AppraisalResult> = {}): AppraisalResult {
  const valid = levels.reduce((a, b) => a + b, 0);
  return {
    member: m,
    counts: stats(levels),
    excellentShare: valid === 0 ? null : (levels[0] ?? 0) / valid,
    failShare: valid === 0 ? null : (levels[3] ?? 0) / valid,
    suggested: null,
    final: null,
    failFlag: false,
    ...over,
  };
}
const A1 = appraisal(member('M1', '王一', '001'), [5, 3, 1, 0], { suggested: 0, counts: stats([5, 3, 1, 0], 1) });
const A2 = appraisal(member('M2', '王二', '001'), [1, 2, 1, 5], { suggested: 3, failFlag: true });
const A3 = appraisal(member('M3', '王三', '002'), [0, 0, 0, 0], { counts: stats([0, 0, 0, 0], 2) });
/** 建议等次 合格, but the committee typed 优秀 last time (final 0), so it counts toward 001's 优秀 share. */
const A4 = appraisal(member('M4', '王四', '001'), [4, 5, 0, 0], { suggested: 1, final: 0 });
const BY_BRANCH: ReadonlyMap<string, BranchAppraisal> = new Map([
  ['001', { branch: '001', appraised: 3, excellent: 2, share: 2 / 3, flag: true }],
  ['002', { branch: '002', appraised: 1, excellent: 0, share: 0, flag: false }],
]);

const BALLOTS: BallotResults = {
  // 003 before 001: rows follow 支部, not the map.
  review: new Map([
    ['003', R3],
    ['001', R1],
  ]),
  satisfaction: new Map([
    ['002', S2],
    ['001', S1],
  ]),
  appraisal: [A1, A2, A3, A4],
  appraisalByBranch: BY_BRANCH,
};

function input(over: Partial<EmitInput> = {}): EmitInput {
  return { model: M, results: [], gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN', ballots: BALLOTS, ...over };
}
const ctx = (over: Partial<EmitInput> = {}) => emitContext(input(over));
function must(s: OutputSheet | null): OutputSheet {
  if (s === null) throw new Error('sheet not emitted');
  return s;
}
const headers = (s: OutputSheet) => s.columns.map((c) => c.header);
const formats = (s: OutputSheet) => Object.fromEntries(s.columns.map((c) => [c.header, c.format ?? 'General']));
const PROSE = { gradeNames: M.settings.gradeNames, decimals: 2 };
const warning = (w: AppraisalWarning[], locale: Locale = 'zh-CN') => renderAppraisalWarning(w, 1 / 3, PROSE, locale);

const ASPECT = (a: string) => [`${a}有效票`, `${a}废票`, `${a}好`, `${a}较好`, `${a}一般`, `${a}差`, `${a}好评率`, `${a}差评率`, `${a}得分`];
const REVIEW_HEADERS = ['支部编号', '支部名称', '支部书记', ...ASPECT('党建'), ...ASPECT('业务'), '好评率', '差评率', '综合得分', '评议等次', '约谈提醒'];

describe('双述双评汇总', () => {
  it('has the contract columns, unique, with counts 0, rates 0.00%, scores 0.00', () => {
    const s = must(emitReview(ctx()));
    expect(headers(s)).toEqual(REVIEW_HEADERS);
    expect(new Set(headers(s)).size).toBe(headers(s).length);
    expect(s.tableName).toBe('BR_Review');
    expect(s.freezeColumns).toBe(2);
    const f = formats(s);
    expect([f['支部编号'], f['党建有效票'], f['党建废票'], f['业务差'], f['党建好评率'], f['业务差评率'], f['好评率'], f['差评率']]).toEqual(['@', '0', '0', '0', '0.00%', '0.00%', '0.00%', '0.00%']);
    expect([f['党建得分'], f['业务得分'], f['综合得分'], f['评议等次'], f['约谈提醒']]).toEqual(['0.00', '0.00', '0.00', 'General', 'General']);
  });

  it('writes one row per branch with ballots, in 支部 order, rounded once', () => {
    const s = must(emitReview(ctx()));
    expect(s.rows).toEqual([
      ['001', '一支部', '张三', 5, 1, 3, 1, 1, 0, 0.8, 0, 88.12, 6, 0, 1, 1, 2, 2, 0.3333, 0.3333, 63.33, 0.5455, 0.1818, 78.21, '一般', '是'],
      ['003', '三支部', null, 0, 3, 0, 0, 0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '否'],
    ]);
  });

  it('names 评议等次 from 评议等次名称 and highlights it by position, 约谈提醒 是 in red', () => {
    const named = withBallots(model(BASE.branches, [], { reviewGradeNames: ['优', '良', '中', '差'] }), ['review']);
    const s = must(emitReview(ctx({ model: named })));
    expect(cell(s, 0, '评议等次')).toBe('中');
    expect(s.highlights).toEqual([
      { column: '评议等次', equals: '优', style: 'good' },
      { column: '评议等次', equals: '良', style: 'fair' },
      { column: '评议等次', equals: '中', style: 'warn' },
      { column: '评议等次', equals: '差', style: 'bad' },
      { column: '约谈提醒', equals: '是', style: 'bad' },
    ]);
  });

  it('rounds to 小数位数 and formats by it', () => {
    const one = withBallots(model(BASE.branches, [], { decimals: 1 }), ['review']);
    const s = must(emitReview(ctx({ model: one })));
    expect([cell(s, 0, '党建得分'), cell(s, 0, '业务好评率'), cell(s, 0, '综合得分')]).toEqual([88.1, 0.333, 78.2]);
    expect([formats(s)['党建得分'], formats(s)['好评率']]).toEqual(['0.0', '0.0%']);
  });
});

describe('双述双评分组', () => {
  it('has one row per branch × group × aspect, 上级 before 党员, and `<3` in every count and score of a small group', () => {
    const s = must(emitReviewGroups(ctx()));
    expect(headers(s)).toEqual(['支部编号', '支部名称', '评议人类别', '方面', '有效票', '废票', '好', '较好', '一般', '差', '得分']);
    expect(s.tableName).toBe('BR_ReviewGroups');
    expect(s.rows).toEqual([
      ['001', '一支部', '上级', '党建', '<3', '<3', '<3', '<3', '<3', '<3', '<3'],
      ['001', '一支部', '上级', '业务', '<3', '<3', '<3', '<3', '<3', '<3', '<3'],
      ['001', '一支部', '党员', '党建', 4, 1, 2, 1, 1, 0, 85],
      ['001', '一支部', '党员', '业务', 5, 0, 1, 1, 2, 1, 64],
      ['003', '三支部', '党员', '党建', 0, 3, 0, 0, 0, 0, null],
    ]);
  });

  it('lists a group the contract does not name after the known ones, in order of first appearance', () => {
    const row = (group: string, aspect: string) => ({ group, aspect, suppressed: false, counts: stats([3, 0, 0, 0]), score: 100 });
    const r: ReviewResult = { ...R3, branch: '002', groups: [row('校友', '业务'), row('学生', '党建'), row('校友', '党建'), row('党员', '业务')] };
    const s = must(emitReviewGroups(ctx({ ballots: { ...BALLOTS, review: new Map([['002', r]]) } })));
    expect(s.rows.map((x) => `${String(x[2])}/${String(x[3])}`)).toEqual(['党员/业务', '校友/党建', '校友/业务', '学生/党建']);
  });

  it('never writes a rater name: only groups, aspects and numbers', () => {
    const s = must(emitReviewGroups(ctx()));
    for (const r of s.rows) for (const v of r.slice(4)) expect(typeof v === 'number' || v === '<3' || v === null).toBe(true);
  });
});

describe('满意度汇总', () => {
  it('writes counts, 废票, 有效票 without 不了解, 满意率 and score; blank rates without a vote', () => {
    const s = must(emitSatisfaction(ctx()));
    expect(headers(s)).toEqual(['支部编号', '支部名称', '满意', '基本满意', '不满意', '不了解', '废票', '有效票', '满意率', '满意度得分']);
    expect(s.tableName).toBe('BR_Satisfaction');
    expect(s.rows).toEqual([
      ['001', '一支部', 6, 2, 2, 5, 1, 10, 0.8, 80],
      ['002', '二支部', 0, 0, 0, 3, 0, 0, null, null],
    ]);
    const f = formats(s);
    expect([f['满意'], f['不了解'], f['废票'], f['有效票'], f['满意率'], f['满意度得分']]).toEqual(['0', '0', '0', '0', '0.00%', '0.00']);
  });
});

const APPRAISAL_HEADERS = ['党员编号', '姓名', '支部编号', '优秀', '合格', '基本合格', '不合格', '有效票', '废票', '优秀率', '不合格率', '建议等次', '最终等次', '预警'];

describe('民主评议汇总 from this run alone', () => {
  it('has the contract columns, 最终等次 a user column, and rows in ballot order', () => {
    const s = must(emitAppraisal(ctx()));
    expect(headers(s)).toEqual(APPRAISAL_HEADERS);
    expect(s.columns.filter((c) => c.user === true).map((c) => c.header)).toEqual(['最终等次']);
    expect(s.tableName).toBe('BR_Appraisal');
    expect(s.freezeColumns).toBe(2);
    expect(s.rows).toEqual([
      ['M1', '王一', '001', 5, 3, 1, 0, 9, 1, 0.5556, 0, '优秀', null, warning(['excellent'])],
      ['M2', '王二', '001', 1, 2, 1, 5, 9, 0, 0.1111, 0.5556, '不合格', null, warning(['fail'])],
      ['M3', '王三', '002', 0, 0, 0, 0, 0, 2, null, null, null, null, null],
      ['M4', '王四', '001', 4, 5, 0, 0, 9, 0, 0.4444, 0, '合格', null, warning(['excellent'])],
    ]);
    const f = formats(s);
    expect([f['党员编号'], f['支部编号'], f['优秀'], f['有效票'], f['废票'], f['优秀率'], f['不合格率']]).toEqual(['@', '@', '0', '0', '0', '0.00%', '0.00%']);
  });

  it('flags both at once, and writes 预警 in the locale', () => {
    const both = { ...A1, failFlag: true };
    const s = must(emitAppraisal(ctx({ ballots: { ...BALLOTS, appraisal: [both] }, locale: 'en-US' })));
    expect(cell(s, 0, '预警')).toBe(warning(['fail', 'excellent'], 'en-US'));
    expect(warning(['fail', 'excellent'])).not.toBe(warning(['fail', 'excellent'], 'en-US'));
  });

  it('highlights 建议等次 and 最终等次 by position and every possible 预警', () => {
    const s = must(emitAppraisal(ctx()));
    const levels = (column: string) => [
      { column, equals: '优秀', style: 'good' },
      { column, equals: '合格', style: 'fair' },
      { column, equals: '基本合格', style: 'warn' },
      { column, equals: '不合格', style: 'bad' },
    ];
    expect(s.highlights).toEqual([
      ...levels('建议等次'),
      ...levels('最终等次'),
      { column: '预警', equals: warning(['fail']), style: 'warn' },
      { column: '预警', equals: warning(['excellent']), style: 'warn' },
      { column: '预警', equals: warning(['fail', 'excellent']), style: 'warn' },
      { column: '预警', equals: warning(['notAppraised']), style: 'fair' },
    ]);
    for (const v of column(s, '预警')) if (v !== null) expect(s.highlights.some((h) => h.column === '预警' && h.equals === v)).toBe(true);
  });
});

describe('民主评议汇总 merged with the sheet the committee edited', () => {
  const DATE = new Date(Date.UTC(2025, 11, 20));
  function edited(): RawSheet {
    const first = must(emitAppraisal(ctx()));
    const cells = asRaw(first, 1).cells.map((r) => [...r]);
    const h = cells[1] ?? [];
    h.push('备注');
    const at = (x: string) => h.indexOf(x);
    (cells[2] ?? [])[at('最终等次')] = '合格';
    (cells[3] ?? [])[at('备注')] = DATE;
    const m4 = cells[5] ?? [];
    m4[at('最终等次')] = '优秀';
    m4[at('党员编号')] = ' Ｍ4 ';
    return { name: '民主评议汇总', cells };
  }

  it('keeps 最终等次 and added columns by 党员编号, blank for a new member, and keeps a member without ballots now', () => {
    const A5 = appraisal(member('M5', '王五', '002'), [2, 1, 0, 0], { suggested: 0 });
    const s = must(emitAppraisal(ctx({ ballots: { ...BALLOTS, appraisal: [A4, A1, A5, A3] }, existing: { sheets: [edited()] } })));
    expect(headers(s)).toEqual([...APPRAISAL_HEADERS, '备注']);
    expect(s.columns.at(-1)).toEqual({ header: '备注', width: 10, user: true });
    expect(column(s, '党员编号')).toEqual(['M4', 'M1', 'M5', 'M3', 'M2']);
    expect(column(s, '最终等次')).toEqual(['优秀', '合格', null, null, null]);
    expect(column(s, '备注')).toEqual([null, null, null, null, DATE]);
    // M2 has no ballots this run: its whole old row stays, 预警 says why.
    expect(record(s, 4)).toEqual({
      党员编号: 'M2', 姓名: '王二', 支部编号: '001', 优秀: 1, 合格: 2, 基本合格: 1, 不合格: 5, 有效票: 9, 废票: 0, 优秀率: 0.1111, 不合格率: 0.5556,
      建议等次: '不合格', 最终等次: null, 预警: warning(['notAppraised']), 备注: DATE,
    });
  });

  it('keeps every typed value exactly: numbers, dates, error values as text, odd spellings', () => {
    const first = must(emitAppraisal(ctx()));
    const cells = asRaw(first).cells.map((r) => [...r]);
    const at = (x: string) => (cells[0] ?? []).indexOf(x);
    (cells[1] ?? [])[at('最终等次')] = ' 优秀 ';
    (cells[2] ?? [])[at('最终等次')] = 3;
    (cells[3] ?? [])[at('最终等次')] = DATE;
    (cells[4] ?? [])[at('最终等次')] = { kind: 'error', code: '#N/A' };
    const s = must(emitAppraisal(ctx({ existing: { sheets: [{ name: '民主评议汇总', cells }] } })));
    expect(column(s, '最终等次')).toEqual([' 优秀 ', 3, DATE, '#N/A']);
  });

  it('is stable: re-running on its own output changes nothing', () => {
    const once = must(emitAppraisal(ctx({ ballots: { ...BALLOTS, appraisal: [A1, A3] }, existing: { sheets: [edited()] } })));
    const twice = must(emitAppraisal(ctx({ ballots: { ...BALLOTS, appraisal: [A1, A3] }, existing: { sheets: [asRaw(once)] } })));
    expect(twice).toEqual(once);
  });
});

describe('the ballot sheets in a run', () => {
  it('are written only for the kinds the workbook has, before 数据校验, with unique ASCII table names', () => {
    const all = emitOutputs(input());
    expect(all.map((s) => s.name)).toEqual(['评定结果', '问题清单', '单位汇总', '双述双评汇总', '双述双评分组', '满意度汇总', '民主评议汇总', '数据校验']);
    const tables = all.map((s) => s.tableName);
    expect(new Set(tables).size).toBe(tables.length);
    for (const t of tables) expect(t).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    for (const s of all) {
      expect(new Set(headers(s)).size).toBe(s.columns.length);
      for (const r of s.rows) expect(r.length).toBe(s.columns.length);
    }
    const only: Model = withBallots(BASE, ['satisfaction']);
    expect(emitOutputs(input({ model: only })).map((s) => s.name)).toEqual(['评定结果', '问题清单', '单位汇总', '满意度汇总', '数据校验']);
    expect(emitOutputs(input({ model: BASE })).map((s) => s.name)).toEqual(['评定结果', '问题清单', '单位汇总', '数据校验']);
  });

  it('writes an empty sheet when the workbook has the kind but no row counted, and works without ballots given', () => {
    const out = emitOutputs({ model: M, results: [], gaps: [], issues: [], existing: { sheets: [] }, locale: 'zh-CN' });
    expect(out.filter((s) => s.rows.length === 0).map((s) => s.name)).toEqual(['评定结果', '问题清单', '双述双评汇总', '双述双评分组', '满意度汇总', '民主评议汇总', '数据校验']);
  });

  it('fills 评定结果’s 满意率 from the derived measure, rounded as a ratio', () => {
    const [b1, b2] = BASE.branches as [(typeof BASE.branches)[0], (typeof BASE.branches)[0]];
    const out = emitOutputs(input({ results: [result(b1, { satisfaction: 0.853333 }), result(b2)] }));
    const results = out.find((s) => s.name === '评定结果');
    if (results === undefined) throw new Error('no 评定结果');
    expect(column(results, '满意率')).toEqual([0.8533, null]);
  });
});

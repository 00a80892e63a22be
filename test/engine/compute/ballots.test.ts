import { describe, expect, it } from 'vitest';
import type { ReviewResult } from '../../../engine/ballots';
import { computeBallots, turnoutIssues } from '../../../engine/compute/ballots';
import { isInterview } from '../../../engine/compute/review';
import { DEFAULTS } from '../../../engine/settings';
import { branchCell, buildModel, member, members, tally, type ModelSpec } from './build';

function review(targets: Parameters<typeof tally>[1], spec: Partial<ModelSpec> = {}): Map<string, ReviewResult> {
  const model = buildModel({ branches: Object.keys(targets), ...spec, ballots: { review: tally('review', targets) } });
  return new Map(computeBallots(model).review);
}

function get<T>(map: ReadonlyMap<string, T>, key: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`no ${key}`);
  return v;
}

describe('双述双评 scores and rates (§5.4, §8 Ballots)', () => {
  it('worked example: 好 3, 较好 1, 一般 1, 差 0 → score (300 + 80 + 60) / 5 = 88 (not 92), 好评率 0.8', () => {
    const r = get(review({ A: { 党员: { 党建: [3, 1, 1, 0], 业务: [3, 1, 1, 0] } } }), 'A');
    const [party, work] = r.aspects;
    expect(party).toEqual({ aspect: '党建', counts: { levels: [3, 1, 1, 0], valid: 5, invalid: 0 }, goodRate: 0.8, badRate: 0, score: 88 });
    expect(work?.aspect).toBe('业务');
    expect(r.composite).toBeCloseTo(88, 10);
    expect(r.grade).toBe(1); // 较好: 80 ≤ 88 < 90
    expect(r.goodRate).toBe(0.8);
    expect(r.badRate).toBe(0);
    expect(r.interview).toBe(false);
  });

  it('group scores weighted 上级 0.4 / 党员 0.6; a group missing for an aspect → renormalised; rates pooled', () => {
    const r = get(
      review({
        A: {
          上级: { 党建: { levels: [2, 1, 0, 0], precounted: 3 } },
          党员: { 党建: [1, 2, 1, 1], 业务: [0, 1, 3, 1] },
        },
      }),
      'A',
    );
    const [party, work] = r.aspects;
    // 上级 (200 + 80) / 3 = 93.33…, 党员 (100 + 160 + 60 + 40) / 5 = 72 → 0.4 × 93.33… + 0.6 × 72 = 80.533…
    const partyScore = 0.4 * (280 / 3) + 0.6 * 72;
    expect(party?.score).toBeCloseTo(partyScore, 10);
    expect(party?.counts).toEqual({ levels: [3, 3, 1, 1], valid: 8, invalid: 0 });
    expect(party?.goodRate).toBe(6 / 8);
    expect(party?.badRate).toBe(1 / 8);
    // 业务 has only 党员: (80 + 180 + 40) / 5 = 60, its score alone
    expect(work?.score).toBeCloseTo(60, 10);
    expect(work?.goodRate).toBeCloseTo(0.2, 12);
    // 综合 = 0.6 × 80.533… + 0.4 × 60 = 72.32 → 一般
    expect(r.composite).toBeCloseTo(0.6 * partyScore + 0.4 * 60, 10);
    expect(r.composite).toBeCloseTo(72.32, 10);
    expect(r.grade).toBe(2);
    // overall pooled over both aspects: [3,4,4,2] of 13
    expect(r.goodRate).toBe(7 / 13);
    expect(r.badRate).toBe(2 / 13);
    expect(r.interview).toBe(true);
  });

  it('only 党员 present → its score alone, whatever the weights', () => {
    const r = get(review({ A: { 党员: { 党建: [1, 0, 1, 0], 业务: [0, 0, 0, 2] } } }), 'A');
    expect(r.aspects.map((a) => a.score)).toEqual([80, 40]);
    expect(r.composite).toBeCloseTo(0.6 * 80 + 0.4 * 40, 10); // 64
  });

  it('群众 weighs 0 unless set; set, the weights renormalise over the groups present', () => {
    const targets = { A: { 党员: { 党建: [1, 0, 0, 0] }, 群众: { 党建: [0, 0, 1, 0] } } };
    // default: 群众 0 → 党员's 100 alone; but 好评率 pools every group: 1 of 2
    const unset = get(review(targets), 'A');
    expect(unset.aspects[0]?.score).toBe(100);
    expect(unset.goodRate).toBe(0.5);
    // 群众 0.2 with 党员 0.6 (上级 absent): (0.6 × 100 + 0.2 × 60) / 0.8 = 90
    const weights = new Map([['上级', 0.4], ['党员', 0.6], ['群众', 0.2]]);
    const set = get(review(targets, { settings: { reviewGroupWeights: weights } }), 'A');
    expect(set.aspects[0]?.score).toBeCloseTo(90, 10);
    // 业务 has no vote at all: no score, and 综合 renormalises over 党建 alone
    expect(set.aspects[1]).toEqual({ aspect: '业务', counts: { levels: [0, 0, 0, 0], valid: 0, invalid: 0 }, goodRate: null, badRate: null, score: null });
    expect(set.composite).toBeCloseTo(90, 10);
    expect(set.grade).toBe(0);
  });

  it('present groups weighing 0 in total (only 群众) → the pooled score: (300 + 120) / 5 = 84', () => {
    const r = get(review({ A: { 群众: { 党建: [3, 0, 2, 0], 业务: [3, 0, 2, 0] } } }), 'A');
    expect(r.aspects[0]?.score).toBe(84);
    expect(r.composite).toBeCloseTo(84, 10);
  });

  it('党建业务权重 renormalised; 评议等次 from 评议等次分数线 at 6 decimals', () => {
    const settings = { reviewAspectWeights: new Map([['党建', 0.5], ['业务', 0.5]]), reviewGradeNames: ['优', '良', '中', '差'] };
    // 党建 100, 业务 80: 0.5 / 0.5 → 90 → 优; the default 0.6 / 0.4 → 92
    const targets = { A: { 党员: { 党建: [1, 0, 0, 0], 业务: [0, 1, 0, 0] } } };
    const r = get(review(targets, { settings }), 'A');
    expect(r.composite).toBeCloseTo(90, 10);
    expect(r.grade).toBe(0);
    expect(get(review(targets), 'A').composite).toBeCloseTo(92, 10);
    // 79.99999999999999 counts as 80 (较好 band)
    const thresholds = { reviewGradeThresholds: [90, 80 + 1e-14, 60] };
    const edge = get(review({ A: { 党员: { 党建: [0, 1, 0, 0], 业务: [0, 1, 0, 0] } } }, { settings: thresholds }), 'A');
    expect(edge.grade).toBe(1);
  });

  it('废票 are counted per aspect and pooled, never votes', () => {
    const r = get(review({ A: { 党员: { 党建: { levels: [2, 0, 0, 0], invalid: 1 }, 业务: [1, 1, 0, 1] }, 上级: { 党建: { levels: [1, 0, 0, 0], invalid: 2 }, 业务: [3, 0, 0, 0] } } }), 'A');
    expect(r.aspects[0]?.counts).toEqual({ levels: [3, 0, 0, 0], valid: 3, invalid: 3 });
    expect(r.aspects[1]?.counts).toEqual({ levels: [4, 1, 0, 1], valid: 6, invalid: 0 });
    expect(r.badRate).toBe(1 / 9);
  });

  it('约谈提醒: 好评率 < 0.7 or 差评率 ≥ 0.2, each trigger alone, at 6 decimals', () => {
    const rs = review({
      exactGood: { 党员: { 党建: [7, 0, 2, 1], 业务: [7, 0, 2, 1] } }, // 0.7 and 0.1 → no
      lowGood: { 党员: { 党建: [6, 0, 3, 1], 业务: [6, 0, 3, 1] } }, // 0.6 → yes
      exactBad: { 党员: { 党建: [7, 1, 0, 2], 业务: [7, 1, 0, 2] } }, // 0.8 and 0.2 → yes
      belowBad: { 党员: { 党建: [16, 0, 1, 3], 业务: [16, 0, 1, 3] } }, // 0.8 and 0.15 → no
    });
    expect([...rs.values()].map((r) => [r.branch, r.interview])).toEqual([
      ['exactGood', false],
      ['lowGood', true],
      ['exactBad', true],
      ['belowBad', false],
    ]);
    expect(isInterview(0.7 - 1e-12, 0, DEFAULTS)).toBe(false);
    expect(isInterview(0.6999, 0, DEFAULTS)).toBe(true);
    expect(isInterview(null, 0.2 - 1e-12, DEFAULTS)).toBe(true);
    expect(isInterview(null, null, DEFAULTS)).toBe(false);
  });
});

describe('双述双评分组 breakdown and `<3` (§8 Ballots)', () => {
  const rs = review({
    twoRows: { 党员: { 党建: [2, 0, 0, 0], 业务: { levels: [1, 0, 0, 0], invalid: 1 } } }, // 2 rows → <3
    counted2: { 上级: { 党建: { levels: [2, 0, 0, 0], precounted: 2 }, 业务: { levels: [1, 1, 0, 0], precounted: 2 } } }, // max(2, 2) = 2, not 4 → <3
    counted3: { 上级: { 党建: { levels: [2, 1, 0, 0], precounted: 3 }, 业务: { levels: [1, 0, 0, 0], precounted: 1 } } }, // max 3 → shown
    mixed: { 党员: { 党建: { levels: [3, 0, 0, 0], precounted: 2 }, 业务: [1, 0, 0, 0] } }, // 1 row + 2 counted → shown
    invalidRows: { 党员: { 党建: { levels: [0, 0, 0, 0], invalid: 3 }, 业务: { levels: [0, 0, 0, 0], invalid: 3 } } }, // 3 rows, valid or not → shown
  });
  const suppressed = (id: string) => get(rs, id).groups.map((g) => [g.group, g.aspect, g.suppressed]);

  it('a group with fewer than 3 ballots (rows + the larger per-aspect 计票 total) is suppressed', () => {
    expect(suppressed('twoRows')).toEqual([
      ['党员', '党建', true],
      ['党员', '业务', true],
    ]);
    expect(suppressed('counted2')).toEqual([
      ['上级', '党建', true],
      ['上级', '业务', true],
    ]);
    expect(suppressed('counted3').map((r) => r[2])).toEqual([false, false]);
    expect(suppressed('mixed').map((r) => r[2])).toEqual([false, false]);
    expect(suppressed('invalidRows').map((r) => r[2])).toEqual([false, false]);
  });

  it('one row per group × aspect, groups 上级 党员 群众 in order, with the group counts and score', () => {
    const r = get(review({ A: { 群众: { 党建: [3, 0, 0, 0] }, 党员: { 党建: [1, 1, 1, 0], 业务: [0, 0, 0, 3] }, 上级: { 党建: { levels: [2, 1, 0, 0], precounted: 3 } } } }), 'A');
    expect(r.groups).toEqual([
      { group: '上级', aspect: '党建', suppressed: false, counts: { levels: [2, 1, 0, 0], valid: 3, invalid: 0 }, score: 280 / 3 },
      { group: '上级', aspect: '业务', suppressed: false, counts: { levels: [0, 0, 0, 0], valid: 0, invalid: 0 }, score: null },
      { group: '党员', aspect: '党建', suppressed: false, counts: { levels: [1, 1, 1, 0], valid: 3, invalid: 0 }, score: 80 },
      { group: '党员', aspect: '业务', suppressed: false, counts: { levels: [0, 0, 0, 3], valid: 3, invalid: 0 }, score: 40 },
      { group: '群众', aspect: '党建', suppressed: false, counts: { levels: [3, 0, 0, 0], valid: 3, invalid: 0 }, score: 100 },
      { group: '群众', aspect: '业务', suppressed: false, counts: { levels: [0, 0, 0, 0], valid: 0, invalid: 0 }, score: null },
    ]);
  });

  it('results follow the 支部 order, whatever the tally order', () => {
    const model = buildModel({ branches: ['B1', 'B2'], ballots: { review: tally('review', { B2: { 党员: { 党建: [1, 0, 0, 0] } }, B1: { 党员: { 党建: [1, 0, 0, 0] } } }) } });
    expect([...computeBallots(model).review.keys()]).toEqual(['B1', 'B2']);
  });
});

describe('BALLOT_TURNOUT_LOW (§5.4, §8 Ballots)', () => {
  it('党员-group ballots (rows + max 计票) below half of 党员人数 → warning at the 支部编号 cell', () => {
    const model = buildModel({
      branches: [
        { id: 'low', members: 20 }, // 9 rows < 10
        { id: 'half', members: 20 }, // 10 rows: not below
        { id: 'counted', members: 20 }, // 3 rows + max(6, 4) = 9
        { id: 'upperOnly', members: 4 }, // 党员 0 of 4
        { id: 'unknownMembers', members: null },
        { id: 'noBallots', members: 30 },
      ],
      ballots: {
        review: tally('review', {
          low: { 党员: { 党建: [9, 0, 0, 0], 业务: [8, 0, 0, 0] }, 上级: { 党建: [20, 0, 0, 0] } },
          half: { 党员: { 党建: { levels: [9, 0, 0, 0], invalid: 1 }, 业务: [10, 0, 0, 0] } },
          counted: { 党员: { 党建: { levels: [9, 0, 0, 0], precounted: 6 }, 业务: { levels: [7, 0, 0, 0], precounted: 4 } } },
          upperOnly: { 上级: { 党建: [3, 0, 0, 0] } },
          unknownMembers: { 党员: { 党建: [1, 0, 0, 0] } },
        }),
      },
    });
    expect(turnoutIssues(model).map((i) => [i.code, i.at, i.params])).toEqual([
      ['BALLOT_TURNOUT_LOW', branchCell(0), { branch: 'low', ballots: 9, members: 20 }],
      ['BALLOT_TURNOUT_LOW', branchCell(2), { branch: 'counted', ballots: 9, members: 20 }],
      ['BALLOT_TURNOUT_LOW', branchCell(3), { branch: 'upperOnly', ballots: 0, members: 4 }],
    ]);
  });
});

describe('满意度 (§5.4, §8 Ballots)', () => {
  function satisfaction(targets: Parameters<typeof tally>[1], spec: Partial<ModelSpec> = {}) {
    const model = buildModel({ branches: Object.keys(targets), ...spec, ballots: { satisfaction: tally('satisfaction', targets) } });
    return computeBallots(model).satisfaction;
  }

  it('满意 6, 基本满意 2, 不满意 2, 不了解 5 (pooled over groups) → 有效票 10, 满意率 0.8, score 80', () => {
    const r = get(satisfaction({ A: { 党员: { '': { levels: [4, 1, 2, 3], invalid: 1 } }, 群众: { '': [2, 1, 0, 2] } } }), 'A');
    expect(r).toEqual({ branch: 'A', counts: { levels: [6, 2, 2, 5], valid: 10, invalid: 1 }, rate: 0.8, score: 80 });
  });

  it('满意度赋值 from settings: 满意 100, 基本满意 80, 不满意 0 → (600 + 160) / 10 = 76', () => {
    const values = new Map([['满意', 100], ['基本满意', 80], ['不满意', 0]]);
    expect(get(satisfaction({ A: { 党员: { '': [6, 2, 2, 5] } } }, { settings: { satisfactionValues: values } }), 'A').score).toBe(76);
  });

  it('only 不了解 and 废票 → no vote: 满意率 and score null', () => {
    const r = get(satisfaction({ A: { 党员: { '': { levels: [0, 0, 0, 4], invalid: 2 } } } }), 'A');
    expect(r).toEqual({ branch: 'A', counts: { levels: [0, 0, 0, 4], valid: 0, invalid: 2 }, rate: null, score: null });
  });
});

describe('民主评议 (§5.4, §8 Ballots)', () => {
  const list = [
    member('m1', 'A', 0), // 优秀 5, 合格 5 → 合格
    member('m2', 'A', 1), // 优秀 6, 合格 4 → 优秀
    member('m3', 'A', 2), // 2, 2, 1 → 合格 (4 > 2.5)
    member('m4', 'A', 3), // 1, 1, 1, 1 → 基本合格 (3 > 2; 2 is not > 2)
    member('m5', 'A', 4), // 不合格 3 of 4 → 不合格, flagged
    member('m6', 'B', 5), // 不合格 1 of 3: exactly 1/3 → not flagged
    member('m7', 'B', 6), // 不合格 2 of 5 → flagged
    member('m8', 'B', 7), // only 废票: no grade, not appraised
  ];
  const appraisal = tally('appraisal', {
    m1: { '': { '': [5, 5, 0, 0] } },
    m2: { '': { '': [6, 4, 0, 0] } },
    m3: { '': { '': [2, 2, 1, 0] } },
    m4: { '': { '': [1, 1, 1, 1] } },
    m5: { '': { '': [0, 1, 0, 3] } },
    m6: { '': { '': [1, 1, 0, 1] } },
    m7: { '': { '': [2, 1, 0, 2] } },
    m8: { '': { '': { levels: [0, 0, 0, 0], invalid: 4 } } },
  });
  const run = (overrides: ReadonlyMap<string, number> = new Map(), cap?: number) =>
    computeBallots(
      buildModel({
        branches: ['A', 'B'],
        ballots: { appraisal, members: members(list), appraisalOverrides: overrides },
        ...(cap === undefined ? {} : { settings: { appraisalExcellentCap: cap } }),
      }),
    );

  it('建议等次 is the median vote (优秀 needs a strict majority); failFlag when 不合格 > 1/3 of valid votes', () => {
    const r = run();
    expect(r.appraisal.map((a) => [a.member.id, a.suggested, a.failFlag, a.final])).toEqual([
      ['m1', 1, false, null],
      ['m2', 0, false, null],
      ['m3', 1, false, null],
      ['m4', 2, false, null],
      ['m5', 3, true, null],
      ['m6', 1, false, null],
      ['m7', 1, true, null],
      ['m8', null, false, null],
    ]);
  });

  it('counts, 有效票, 废票, 优秀率 and 不合格率', () => {
    const r = run();
    expect(r.appraisal[6]).toMatchObject({ counts: { levels: [2, 1, 0, 2], valid: 5, invalid: 0 }, excellentShare: 0.4, failShare: 0.4 });
    expect(r.appraisal[7]).toMatchObject({ counts: { levels: [0, 0, 0, 0], valid: 0, invalid: 4 }, excellentShare: null, failShare: null });
  });

  it('per branch: appraised members and 优秀 share; 1 of 5 is within 1/3', () => {
    const r = run();
    expect([...r.appraisalByBranch.values()]).toEqual([
      { branch: 'A', appraised: 5, excellent: 1, share: 0.2, flag: false },
      { branch: 'B', appraised: 2, excellent: 0, share: 0, flag: false },
    ]);
  });

  it('最终等次 overrides change the branch 优秀 count: m1, m3 → 优秀, m2 → 合格 gives 2 of 5 > 1/3', () => {
    const r = run(new Map([['m1', 0], ['m2', 1], ['m3', 0]]));
    expect(r.appraisal.slice(0, 3).map((a) => [a.suggested, a.final])).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(r.appraisalByBranch.get('A')).toEqual({ branch: 'A', appraised: 5, excellent: 2, share: 0.4, flag: true });
  });

  it('a share of exactly the cap is not above it (1 of 3 with 1/3); one more 优秀 is', () => {
    const three = [member('c1', 'C'), member('c2', 'C'), member('c3', 'C')];
    const votes = tally('appraisal', { c1: { '': { '': [3, 0, 0, 0] } }, c2: { '': { '': [0, 3, 0, 0] } }, c3: { '': { '': [0, 3, 0, 0] } } });
    const at = (overrides: Map<string, number>) =>
      computeBallots(buildModel({ branches: ['C'], ballots: { appraisal: votes, members: members(three), appraisalOverrides: overrides } })).appraisalByBranch.get('C');
    expect(at(new Map())).toEqual({ branch: 'C', appraised: 3, excellent: 1, share: 1 / 3, flag: false });
    expect(at(new Map([['c2', 0]]))).toEqual({ branch: 'C', appraised: 3, excellent: 2, share: 2 / 3, flag: true });
  });

  it('a workbook without ballot sheets gives empty results', () => {
    const r = computeBallots(buildModel({ branches: ['A'] }));
    expect([r.review.size, r.satisfaction.size, r.appraisal.length, r.appraisalByBranch.size]).toEqual([0, 0, 0, 0]);
  });
});

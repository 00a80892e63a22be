import { describe, expect, it } from 'vitest';
import { canonicalTally, emptyTally, mergeTallies, tallyBuilder, tallyEquals, TallyKindMismatch } from '../../../engine/compute/tally';

describe('tallyBuilder', () => {
  it('counts rows, ballots, 废票 and pre-counted totals per target, group and aspect', () => {
    const b = tallyBuilder('review');
    b.addRow('001', '党员');
    b.addBallot('001', '党员', '党建', 0);
    b.addBallot('001', '党员', '业务', 'invalid');
    b.addRow('001', '党员');
    b.addBallot('001', '党员', '党建', 1);
    b.addBallot('001', '党员', '业务', 3);
    b.addCounts('001', '上级', '业务', [2, 1]);
    expect(b.has('001', '上级', '业务')).toBe(true);
    expect(b.has('001', '上级', '党建')).toBe(false);
    expect(canonicalTally(b.build())).toEqual({
      kind: 'review',
      targets: {
        '001': {
          上级: { rows: 0, aspects: { 业务: { levels: [2, 1, 0, 0], invalid: 0, precounted: 3 } } },
          党员: {
            rows: 2,
            aspects: {
              党建: { levels: [1, 1, 0, 0], invalid: 0, precounted: 0 },
              业务: { levels: [0, 0, 0, 1], invalid: 1, precounted: 0 },
            },
          },
        },
      },
    });
  });

  it('orders keys canonically, whatever the insertion order', () => {
    const b = tallyBuilder('satisfaction');
    for (const [t, g] of [['010', '学生'], ['002', '群众'], ['002', '上级'], ['002', '党员'], ['002', '教师'], ['001', '党员']] as const) {
      b.addRow(t, g);
    }
    const t = b.build();
    expect([...t.targets.keys()]).toEqual(['001', '002', '010']);
    expect([...(t.targets.get('002')?.groups.keys() ?? [])]).toEqual(['上级', '党员', '群众', '教师']);
    const r = tallyBuilder('review');
    r.addBallot('001', '党员', '业务', 0);
    r.addBallot('001', '党员', '党建', 0);
    expect([...(r.build().targets.get('001')?.groups.get('党员')?.aspects.keys() ?? [])]).toEqual(['党建', '业务']);
  });

  it('returns a tally that later additions do not change', () => {
    const b = tallyBuilder('appraisal');
    b.addBallot('M1', '', '', 0);
    const first = b.build();
    b.addBallot('M1', '', '', 0);
    b.addRow('M2', '');
    expect(first.targets.get('M1')?.groups.get('')?.aspects.get('')?.levels).toEqual([1, 0, 0, 0]);
    expect(first.targets.has('M2')).toBe(false);
  });

  it('refuses a level or a count list outside the kind', () => {
    const b = tallyBuilder('review');
    expect(() => b.addBallot('001', '党员', '党建', 4)).toThrow(RangeError);
    expect(() => b.addBallot('001', '党员', '党建', 1.5)).toThrow(RangeError);
    expect(() => b.addCounts('001', '党员', '党建', [1, 1, 1, 1, 1])).toThrow(RangeError);
  });
});

describe('mergeTallies', () => {
  it('adds every field pointwise (hand-computed)', () => {
    const a = tallyBuilder('review');
    a.addRow('001', '党员');
    a.addBallot('001', '党员', '党建', 0);
    a.addBallot('001', '党员', '党建', 0);
    const b = tallyBuilder('review');
    b.addRow('001', '党员');
    b.addBallot('001', '党员', '党建', 0);
    b.addBallot('001', '党员', '党建', 'invalid');
    b.addCounts('001', '党员', '党建', [0, 0, 0, 1]);
    b.addRow('002', '群众');
    const m = mergeTallies(a.build(), b.build());
    expect(canonicalTally(m).targets).toEqual({
      '001': { 党员: { rows: 2, aspects: { 党建: { levels: [3, 0, 0, 1], invalid: 1, precounted: 1 } } } },
      '002': { 群众: { rows: 1, aspects: {} } },
    });
  });

  it('has emptyTally as identity and refuses two kinds', () => {
    const a = tallyBuilder('satisfaction');
    a.addCounts('001', '党员', '', [1, 2, 3, 4]);
    const t = a.build();
    expect(tallyEquals(mergeTallies(emptyTally('satisfaction'), t), t)).toBe(true);
    expect(tallyEquals(mergeTallies(t, emptyTally('satisfaction')), t)).toBe(true);
    expect(() => mergeTallies(t, emptyTally('review'))).toThrow(TallyKindMismatch);
  });
});

describe('tallyEquals', () => {
  it('tells apart tallies differing in any field, and ignores insertion order', () => {
    const make = (f: (b: ReturnType<typeof tallyBuilder>) => void) => {
      const b = tallyBuilder('review');
      f(b);
      return b.build();
    };
    const base = make((b) => {
      b.addRow('001', '党员');
      b.addBallot('001', '党员', '党建', 1);
    });
    expect(tallyEquals(base, make((b) => { b.addBallot('001', '党员', '党建', 1); b.addRow('001', '党员'); }))).toBe(true);
    expect(tallyEquals(base, make((b) => { b.addRow('001', '党员'); b.addBallot('001', '党员', '党建', 2); }))).toBe(false);
    expect(tallyEquals(base, make((b) => { b.addRow('001', '党员'); b.addRow('001', '党员'); b.addBallot('001', '党员', '党建', 1); }))).toBe(false);
    expect(tallyEquals(base, make((b) => { b.addRow('001', '党员'); b.addCounts('001', '党员', '党建', [0, 1]); }))).toBe(false);
    expect(tallyEquals(base, make((b) => { b.addRow('001', '党员'); b.addBallot('001', '党员', '党建', 1); b.addBallot('001', '党员', '业务', 'invalid'); }))).toBe(false);
    expect(tallyEquals(base, make((b) => { b.addRow('001', '群众'); b.addBallot('001', '群众', '党建', 1); }))).toBe(false);
    expect(tallyEquals(base, emptyTally('review'))).toBe(false);
    expect(tallyEquals(emptyTally('review'), emptyTally('appraisal'))).toBe(false);
  });
});

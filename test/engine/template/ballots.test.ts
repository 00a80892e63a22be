import { describe, expect, it } from 'vitest';
import { BALLOT_LEVELS } from '../../../engine/ballots';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import {
  APPRAISAL_COUNT_HEADERS,
  APPRAISAL_HEADERS,
  REVIEW_COUNT_HEADERS,
  REVIEW_HEADERS,
  SATISFACTION_COUNT_HEADERS,
  SATISFACTION_HEADERS,
  guideSheet,
  sampleSheets,
  templateSheets,
} from '../../../engine/template';

const byName = (sheets: readonly OutputSheet[], name: string): OutputSheet => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const headers = (s: OutputSheet): string[] => s.columns.map((c) => c.header);
const BALLOT_SHEETS = ['双述双评', '满意度', '民主评议', '双述双评计票', '满意度计票', '民主评议计票'];

/** Level index of a long-form cell (name, 较差, or A–D), or -1 for 废票. */
function levelIndex(kind: keyof typeof BALLOT_LEVELS, v: OutputValue): number {
  const names: readonly string[] = BALLOT_LEVELS[kind];
  if (typeof v !== 'string') return -1;
  if (kind === 'review' && v === '较差') return 3;
  if (/^[A-D]$/.test(v)) return v.charCodeAt(0) - 65;
  return names.indexOf(v);
}

describe('templateSheets: ballot sheets', () => {
  it('adds 双述双评, 满意度 and 民主评议 in long form by default, with the contract headers and no rows', () => {
    const sheets = templateSheets();
    expect(headers(byName(sheets, '双述双评'))).toEqual([...REVIEW_HEADERS]);
    expect(headers(byName(sheets, '满意度'))).toEqual([...SATISFACTION_HEADERS]);
    expect(headers(byName(sheets, '民主评议'))).toEqual([...APPRAISAL_HEADERS]);
    expect(REVIEW_HEADERS).toEqual(['支部编号', '评议人类别', '评议人', '党建', '业务']);
    expect(SATISFACTION_HEADERS).toEqual(['支部编号', '评议人类别', '评价']);
    expect(APPRAISAL_HEADERS).toEqual(['党员编号', '姓名', '支部编号', '评价']);
    expect(sheets.filter((s) => s.name.endsWith('计票'))).toEqual([]);
  });

  it('gives the 计票 forms instead with ballots: counted, and none with ballots: none', () => {
    const counted = templateSheets({ ballots: 'counted' });
    expect(headers(byName(counted, '双述双评计票'))).toEqual(['支部编号', '评议人类别', '方面', '好', '较好', '一般', '差']);
    expect(headers(byName(counted, '满意度计票'))).toEqual(['支部编号', '评议人类别', '满意', '基本满意', '不满意', '不了解']);
    expect(headers(byName(counted, '民主评议计票'))).toEqual(['党员编号', '姓名', '支部编号', '优秀', '合格', '基本合格', '不合格']);
    expect([...REVIEW_COUNT_HEADERS, ...SATISFACTION_COUNT_HEADERS, ...APPRAISAL_COUNT_HEADERS]).toEqual(
      [...headers(byName(counted, '双述双评计票')), ...headers(byName(counted, '满意度计票')), ...headers(byName(counted, '民主评议计票'))],
    );
    for (const name of ['双述双评', '满意度', '民主评议']) expect(counted.some((s) => s.name === name)).toBe(false);
    for (const c of byName(counted, '满意度计票').columns.slice(2)) expect(c.format).toBe('0');
    const none = templateSheets({ ballots: 'none' });
    expect(none.some((s) => BALLOT_SHEETS.includes(s.name))).toBe(false);
    expect(none.map((s) => s.name)).toEqual(['支部', '指标', '评分', '台账', '否决', '参数', '填表说明']);
  });

  it('puts no row above any input header (instructions live in 填表说明)', () => {
    for (const form of ['long', 'counted'] as const) {
      for (const s of templateSheets({ ballots: form })) expect(s.preamble ?? [], s.name).toEqual([]);
    }
  });

  it('explains every level, the A–D letters, 较差, 不了解 and the 计票 forms in 填表说明', () => {
    const guide = guideSheet();
    expect(headers(guide)).toEqual(['工作表', '填写说明']);
    const text = (sheet: string) => String(guide.rows.find((r) => r[0] === sheet)?.[1] ?? '');
    expect(text('双述双评')).toContain('A=好，B=较好，C=一般，D=差');
    expect(text('双述双评')).toContain('较差');
    expect(text('满意度')).toContain('A=满意，B=基本满意，C=不满意，D=不了解');
    expect(text('满意度')).toContain('不了解');
    expect(text('民主评议')).toContain('A=优秀，B=合格，C=基本合格，D=不合格');
    const counted = text('双述双评计票 / 满意度计票 / 民主评议计票');
    for (const h of ['双述双评计票', '满意度计票', '民主评议计票', '方面']) expect(counted).toContain(h);
    const en = guideSheet('en-US');
    expect(en.rows.map((r) => r[0])).toEqual(guide.rows.map((r) => r[0]));
    expect(String(en.rows.find((r) => r[0] === '双述双评')?.[1])).toContain('A=好, B=较好, C=一般, D=差');
  });
});

describe('sampleSheets: ballots', () => {
  const sample = sampleSheets({ branches: 255 });
  const branches = byName(sample, '支部').rows;
  const members = new Map(branches.map((r) => [String(r[0]), Number(r[5])]));
  const review = byName(sample, '双述双评').rows;
  const satisfaction = byName(sample, '满意度').rows;
  const appraisal = byName(sample, '民主评议').rows;

  it('has about 30 双述双评, 50 满意度 and 25 × 党员人数 民主评议 ballots per branch (~5,700 members)', () => {
    const total = [...members.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5400);
    expect(total).toBeLessThan(6000);
    expect(review.length).toBeGreaterThan(255 * 27);
    expect(review.length).toBeLessThan(255 * 33);
    expect(satisfaction.length).toBeGreaterThan(255 * 47);
    expect(satisfaction.length).toBeLessThan(255 * 53);
    expect(appraisal.length).toBeGreaterThan(130_000);
    expect(appraisal.length).toBeLessThan(155_000);
  });

  it('appraises exactly 党员人数 members per branch, each with one 姓名 and unique 党员编号', () => {
    const byBranch = new Map<string, Set<string>>();
    const names = new Map<string, string>();
    for (const [id, name, branch] of appraisal) {
      const set = byBranch.get(String(branch)) ?? new Set<string>();
      set.add(String(id));
      byBranch.set(String(branch), set);
      if (names.has(String(id))) expect(names.get(String(id))).toBe(name);
      names.set(String(id), String(name));
      expect(String(id).startsWith(`${String(branch)}-`)).toBe(true);
    }
    for (const [branch, n] of members) expect(byBranch.get(branch)?.size, branch).toBe(n);
  });

  it('has 上级 4–6, 党员 at least half of 党员人数 and 群众 3–7 per branch, anonymous codes unique per branch', () => {
    const groups = new Map<string, Map<string, number>>();
    const codes = new Set<string>();
    for (const [branch, group, rater] of review) {
      const g = groups.get(String(branch)) ?? new Map<string, number>();
      g.set(String(group), (g.get(String(group)) ?? 0) + 1);
      groups.set(String(branch), g);
      expect(String(rater)).toMatch(/^[SPQ]\d{2,3}$/);
      const key = `${String(branch)}|${String(rater)}`;
      expect(codes.has(key), key).toBe(false);
      codes.add(key);
    }
    for (const [branch, n] of members) {
      const g = groups.get(branch);
      expect(g?.get('上级')).toBeGreaterThanOrEqual(4);
      expect(g?.get('上级')).toBeLessThanOrEqual(6);
      expect(g?.get('党员') ?? 0).toBeGreaterThanOrEqual(n / 2);
      expect(g?.get('群众')).toBeGreaterThanOrEqual(3);
      expect(g?.get('群众')).toBeLessThanOrEqual(7);
    }
  });

  it('writes levels as names, 较差 or A–D, with one 废票 per kind in every 20 branches', () => {
    const spoilt = Math.floor(255 / 20);
    const bad = (kind: keyof typeof BALLOT_LEVELS, cells: OutputValue[]) => cells.filter((v) => levelIndex(kind, v) < 0).length;
    expect(bad('review', review.flatMap((r) => [r[3] ?? null, r[4] ?? null]))).toBe(spoilt);
    expect(bad('satisfaction', satisfaction.map((r) => r[2] ?? null))).toBe(spoilt);
    expect(bad('appraisal', appraisal.map((r) => r[3] ?? null))).toBe(spoilt);
    const cells = review.flatMap((r) => [r[3] ?? null, r[4] ?? null]);
    expect(cells).toContain('较差');
    expect(cells).toContain('A');
    expect(satisfaction.map((r) => r[2])).toContain('B');
    // Mostly satisfied, mostly 合格 or 优秀.
    const share = (cells: readonly OutputValue[], kind: keyof typeof BALLOT_LEVELS, levels: number[]) =>
      cells.filter((v) => levels.includes(levelIndex(kind, v))).length / cells.length;
    expect(share(satisfaction.map((r) => r[2] ?? null), 'satisfaction', [0, 1])).toBeGreaterThan(0.85);
    expect(share(appraisal.map((r) => r[3] ?? null), 'appraisal', [0, 1])).toBeGreaterThan(0.95);
    expect(share(appraisal.map((r) => r[3] ?? null), 'appraisal', [2, 3])).toBeGreaterThan(0.001);
    expect(share(cells, 'review', [0, 1])).toBeGreaterThan(0.75);
  });

  it('gives the same valid votes in long and 计票 form (废票 exist only in long form)', () => {
    const options = { branches: 60, seed: 3 };
    const long = sampleSheets(options);
    const counted = sampleSheets({ ...options, ballotForms: { review: 'counted', satisfaction: 'counted', appraisal: 'counted' } });
    expect(counted.some((s) => ['双述双评', '满意度', '民主评议'].includes(s.name))).toBe(false);
    const add = (m: Map<string, number[]>, key: string, i: number, n = 1) => {
      const c = m.get(key) ?? [0, 0, 0, 0];
      if (i >= 0) c[i] = (c[i] ?? 0) + n;
      m.set(key, c);
    };
    const fromLong = new Map<string, number[]>();
    for (const r of byName(long, '双述双评').rows) {
      add(fromLong, `R|${String(r[0])}|${String(r[1])}|党建`, levelIndex('review', r[3] ?? null));
      add(fromLong, `R|${String(r[0])}|${String(r[1])}|业务`, levelIndex('review', r[4] ?? null));
    }
    for (const r of byName(long, '满意度').rows) add(fromLong, `S|${String(r[0])}|${String(r[1])}`, levelIndex('satisfaction', r[2] ?? null));
    for (const r of byName(long, '民主评议').rows) add(fromLong, `A|${String(r[0])}|${String(r[1])}|${String(r[2])}`, levelIndex('appraisal', r[3] ?? null));
    const fromCounted = new Map<string, number[]>();
    for (const r of byName(counted, '双述双评计票').rows) fromCounted.set(`R|${String(r[0])}|${String(r[1])}|${String(r[2])}`, r.slice(3).map(Number));
    for (const r of byName(counted, '满意度计票').rows) fromCounted.set(`S|${String(r[0])}|${String(r[1])}`, r.slice(2).map(Number));
    for (const r of byName(counted, '民主评议计票').rows) fromCounted.set(`A|${String(r[0])}|${String(r[1])}|${String(r[2])}`, r.slice(3).map(Number));
    expect(fromCounted).toEqual(fromLong);
    for (const name of ['支部', '指标', '评分', '台账', '否决', '参数']) expect(byName(counted, name)).toEqual(byName(long, name));
  });

  it('mixes forms per kind, and leaves every other sheet unchanged without ballots', () => {
    const mixed = sampleSheets({ branches: 30, ballotForms: { appraisal: 'counted' } });
    expect(mixed.map((s) => s.name).filter((n) => BALLOT_SHEETS.includes(n))).toEqual(['双述双评', '满意度', '民主评议计票']);
    const without = sampleSheets({ branches: 30, ballots: false });
    const withBallots = sampleSheets({ branches: 30 });
    expect(without.some((s) => BALLOT_SHEETS.includes(s.name))).toBe(false);
    expect(without).toEqual(withBallots.filter((s) => !BALLOT_SHEETS.includes(s.name)));
  });

  it('scales with branches: 2,000 branches give proportional ballot rows', () => {
    const big = sampleSheets({ branches: 2000, upperRaters: 1, selfRating: false });
    const rows = (name: string) => byName(big, name).rows.length;
    const ratio = 2000 / 255;
    expect(rows('双述双评') / review.length).toBeGreaterThan(ratio * 0.9);
    expect(rows('双述双评') / review.length).toBeLessThan(ratio * 1.1);
    expect(rows('满意度') / satisfaction.length).toBeGreaterThan(ratio * 0.9);
    expect(rows('民主评议') / appraisal.length).toBeGreaterThan(ratio * 0.85);
    expect(rows('民主评议') / appraisal.length).toBeLessThan(ratio * 1.15);
  });
});

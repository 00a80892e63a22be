import { describe, expect, it } from 'vitest';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import { SETTING_KEYS } from '../../../engine/settings';
import { DEFAULT_RUBRIC, ratedRows, sampleSheets, sampleWorkbook, type SampleOptions } from '../../../engine/template';

const byName = (sheets: readonly OutputSheet[], name: string): OutputSheet => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const column = (s: OutputSheet, header: string): OutputValue[] => {
  const c = s.columns.findIndex((x) => x.header === header);
  return s.rows.map((r) => r[c] ?? null);
};
const forms = (sheets: readonly OutputSheet[]): OutputSheet[] => sheets.filter((s) => s.name.startsWith('评分-'));
const rated = ratedRows();
const scoringIds = DEFAULT_RUBRIC.filter((r) => r.method === '评分').map((r) => r.id);

/** Every (rater, role, branch, indicator) → score, from wide forms and from 评分, as one sorted list. */
function allScores(sheets: readonly OutputSheet[]): string[] {
  const out: string[] = [];
  for (const f of forms(sheets)) {
    const rater = f.name.slice(3);
    const role = f.preamble?.[1]?.[1];
    for (const row of f.rows) {
      rated.forEach((r, k) => {
        const v = row[k + 2];
        if (v !== null && v !== undefined) out.push(`${rater}|${String(role)}|${String(row[0])}|${r.id}|${String(v)}`);
      });
    }
  }
  for (const row of byName(sheets, '评分').rows) out.push(`${String(row[2])}|${String(row[3])}|${String(row[0])}|${String(row[1])}|${String(row[4])}`);
  return out.sort();
}

const DEFAULT_SAMPLE = sampleSheets({ branches: 255 });

describe('sampleSheets: shape and counts', () => {
  it('writes the template sheets plus one 评分-<rater> form per upper rater', () => {
    expect(DEFAULT_SAMPLE.map((s) => s.name).filter((n) => !n.startsWith('评分-'))).toEqual([
      '支部',
      '指标',
      '评分',
      '台账',
      '否决',
      '双述双评',
      '满意度',
      '民主评议',
      '参数',
      '填表说明',
    ]);
    expect(forms(DEFAULT_SAMPLE)).toHaveLength(6);
    const tables = DEFAULT_SAMPLE.map((s) => s.tableName);
    expect(new Set(tables).size).toBe(tables.length);
    for (const t of tables) expect(t).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('has 255 branches over 29 units with zero-padded text ids', () => {
    const branches = byName(DEFAULT_SAMPLE, '支部');
    const ids = column(branches, '支部编号');
    expect(ids).toHaveLength(255);
    expect(ids[0]).toBe('001');
    expect(ids[254]).toBe('255');
    for (const id of ids) expect(id).toMatch(/^\d{3}$/);
    expect(new Set(ids).size).toBe(255);
    const units = new Set(column(branches, '所属党委'));
    expect(units.size).toBe(29);
    expect(units).toContain('计算机学院党委');
    expect(units).toContain('机关党委');
    expect(units).toContain('离退休工作处党委');
  });

  it('widens ids with the count (2,000 branches → 0001 … 2000)', () => {
    const ids = column(byName(sampleSheets({ branches: 2000, upperRaters: 1, selfRating: false }), '支部'), '支部编号');
    expect(ids[0]).toBe('0001');
    expect(ids[1999]).toBe('2000');
  });

  it('caps units by branches and honours units and upperRaters', () => {
    const few = sampleSheets({ branches: 5, upperRaters: 2 });
    expect(new Set(column(byName(few, '支部'), '所属党委')).size).toBe(5);
    expect(forms(few)).toHaveLength(2);
    const some = sampleSheets({ branches: 100, units: 10, upperRaters: 3 });
    expect(new Set(column(byName(some, '支部'), '所属党委')).size).toBe(10);
    expect(forms(some)).toHaveLength(3);
    const many = sampleSheets({ branches: 400, units: 35, upperRaters: 1 });
    expect(new Set(column(byName(many, '支部'), '所属党委')).size).toBe(35);
  });

  it('gives branches plausible attributes', () => {
    const b = byName(DEFAULT_SAMPLE, '支部');
    const names = column(b, '支部名称').map(String);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('计算机学院教工第一党支部');
    expect(names).toContain('计算机学院本科生第三党支部');
    const types = column(b, '支部类型');
    for (const t of ['教师', '学生', '机关', '离退休']) expect(types).toContain(t);
    names.forEach((n, i) => {
      if (/教工第/.test(n)) expect(types[i]).toBe('教师');
      if (/(本科生|研究生)第/.test(n)) expect(types[i]).toBe('学生');
    });
    for (const m of column(b, '党员人数')) {
      expect(m).toBeGreaterThanOrEqual(5);
      expect(m).toBeLessThanOrEqual(60);
    }
    for (const g of column(b, '党小组数')) expect([0, 1, 2, 3, 4]).toContain(g);
    const months = column(b, '运行月数') as number[];
    expect(months.filter((m) => m === 12).length).toBeGreaterThan(200);
    expect(months.some((m) => m >= 6 && m < 12)).toBe(true);
    const previous = column(b, '上年等次');
    expect(previous.filter((p) => p !== null).length).toBeGreaterThan(170);
    for (const p of previous) if (p !== null) expect(['好', '较好', '一般', '较差']).toContain(p);
    for (const s of column(b, '支部书记')) expect(s).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
  });
});

describe('sampleSheets: scores', () => {
  it('has every upper rater score every 评分 indicator of every branch, within [0, 分值], in halves or tenths', () => {
    for (const f of forms(DEFAULT_SAMPLE)) {
      expect(f.preamble?.[1]).toEqual(['评分人类别', '上级']);
      expect(f.rows).toHaveLength(255);
      for (const row of f.rows) {
        rated.forEach((r, k) => {
          const v = row[k + 2];
          if (r.method === '评分') expect(typeof v).toBe('number');
          if (typeof v === 'number') {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(r.points);
            expect(Math.abs(v * 10 - Math.round(v * 10))).toBeLessThan(1e-9);
          }
        });
      }
    }
  });

  it('adds a 自评 by each secretary for every 评分 indicator', () => {
    const scores = byName(DEFAULT_SAMPLE, '评分');
    const self = scores.rows.filter((r) => r[3] === '自评');
    expect(self).toHaveLength(scores.rows.length);
    const secretary = new Map(byName(DEFAULT_SAMPLE, '支部').rows.map((r) => [r[0], r[4]]));
    for (const r of self) expect(r[2]).toBe(secretary.get(r[0]));
    const scored = self.filter((r) => scoringIds.includes(String(r[1])));
    expect(scored).toHaveLength(255 * scoringIds.length);
  });

  it('gives 加分/扣分 to a few branches only', () => {
    const f = forms(DEFAULT_SAMPLE)[0];
    const bonusCols = rated.map((r, k) => (r.method === '加分' || r.method === '扣分' ? k + 2 : -1)).filter((k) => k >= 0);
    const withAny = f?.rows.filter((row) => bonusCols.some((k) => row[k] !== null)).length ?? 0;
    expect(withAny).toBeGreaterThan(0);
    expect(withAny).toBeLessThan(255 * 0.3);
  });

  it('gives the same scores in long and wide form', () => {
    const options: SampleOptions = { branches: 60, upperRaters: 4, seed: 7 };
    const wide = sampleSheets({ ...options, form: 'wide' });
    const long = sampleSheets({ ...options, form: 'long' });
    expect(forms(long)).toHaveLength(0);
    expect(byName(long, '评分').rows.filter((r) => r[3] === '上级').length).toBeGreaterThan(60 * 4 * scoringIds.length - 1);
    expect(allScores(long)).toEqual(allScores(wide));
    // Everything but the scores is identical.
    for (const name of ['支部', '指标', '台账', '否决', '参数']) expect(byName(long, name)).toEqual(byName(wide, name));
  });

  it('writes no 自评 rows without selfRating, and weights 上级 alone', () => {
    const sheets = sampleSheets({ branches: 20, selfRating: false, form: 'long', upperRaters: 2 });
    const roles = new Set(column(byName(sheets, '评分'), '评分人类别'));
    expect([...roles]).toEqual(['上级']);
    const settings = byName(sheets, '参数').rows;
    expect(settings.find((r) => r[0] === '评分人类别权重')?.[1]).toBe('上级=1,自评=0');
  });

  it('counts long-form rows as raters × branches × scored cells', () => {
    const sheets = sampleSheets({ branches: 40, upperRaters: 3, form: 'long', seed: 11 });
    const rows = byName(sheets, '评分').rows;
    const scoringRows = rows.filter((r) => scoringIds.includes(String(r[1])));
    expect(scoringRows).toHaveLength(40 * (3 + 1) * scoringIds.length);
  });
});

describe('sampleSheets: ledger, vetoes, settings', () => {
  it('fills every ledger cell with a number; most branches meet the minimums, some fall short', () => {
    const ledger = byName(DEFAULT_SAMPLE, '台账');
    expect(ledger.rows).toHaveLength(255);
    for (const row of ledger.rows) for (const v of row.slice(2)) expect(typeof v).toBe('number');
    const months = new Map(byName(DEFAULT_SAMPLE, '支部').rows.map((r) => [r[0], Number(r[7])]));
    const branchMeetings = column(ledger, '支部党员大会');
    const short = ledger.rows.filter((r, i) => Number(branchMeetings[i]) < Math.ceil((4 * (months.get(r[0]) ?? 12)) / 12)).length;
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(255 * 0.2);
  });

  it('has 3–6 否决 rows: a 违纪 定为较差, a 软弱涣散 最高一般 and a 定为好 直接定级', () => {
    const vetoes = byName(DEFAULT_SAMPLE, '否决').rows;
    expect(vetoes.length).toBeGreaterThanOrEqual(3);
    expect(vetoes.length).toBeLessThanOrEqual(6);
    expect(vetoes.some((r) => r[2] === '定为较差' && String(r[1]).includes('违纪'))).toBe(true);
    expect(vetoes.some((r) => r[2] === '最高一般' && String(r[1]).includes('软弱涣散'))).toBe(true);
    expect(vetoes.some((r) => r[2] === '定为好')).toBe(true);
    const ids = vetoes.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(column(byName(DEFAULT_SAMPLE, '支部'), '支部编号'));
    for (const id of ids) expect(known).toContain(id);
  });

  it('writes every 参数 key, a few with non-default values', () => {
    const rows = byName(DEFAULT_SAMPLE, '参数').rows;
    expect(rows.map((r) => r[0])).toEqual([...SETTING_KEYS]);
    const value = (key: string): unknown => rows.find((r) => r[0] === key)?.[1];
    expect(value('评定年度')).toBe('2026');
    expect(value('红旗总分线')).toBe('92');
    expect(value('加分上限')).toBe('3');
    expect(value('会议最低次数')).toBe('党课=4,主题党日=10');
    expect(value('等次分数线')).toBe('90,80,60');
    const y = byName(sampleSheets({ branches: 3, year: '2025' }), '参数').rows;
    expect(y.find((r) => r[0] === '评定年度')?.[1]).toBe('2025');
  });
});

describe('sampleSheets: determinism', () => {
  it('is the same workbook for the same seed', () => {
    expect(sampleSheets({ branches: 80, seed: 42 })).toEqual(sampleSheets({ branches: 80, seed: 42 }));
    expect(sampleSheets({ branches: 255 })).toEqual(DEFAULT_SAMPLE);
    expect(sampleWorkbook({ branches: 30 })).toEqual(sampleWorkbook({ branches: 30, seed: 20261121 }));
  });

  it('changes only instruction lines, 说明 and 填表说明 with the locale', () => {
    const zh = sampleSheets({ branches: 10 });
    const en = sampleSheets({ branches: 10, locale: 'en-US' });
    const fixed = (x: OutputSheet) => [x.name, x.columns, x.rows.map((r) => (x.name === '参数' ? r.slice(0, 2) : x.name === '填表说明' ? r.slice(0, 1) : r))];
    expect(en.map(fixed)).toEqual(zh.map(fixed));
    const zhForm = forms(zh)[0];
    const enForm = forms(en)[0];
    expect(enForm?.preamble?.[1]).toEqual(zhForm?.preamble?.[1]);
    expect(String(enForm?.preamble?.[0]?.[0])).toMatch(/^Scoring form of /);
  });

  it('differs across seeds', () => {
    const a = sampleSheets({ branches: 80, seed: 1 });
    const b = sampleSheets({ branches: 80, seed: 2 });
    expect(byName(a, '支部').rows).not.toEqual(byName(b, '支部').rows);
    expect(allScores(a)).not.toEqual(allScores(b));
    expect(byName(a, '台账').rows).not.toEqual(byName(b, '台账').rows);
  });

  it('keeps leading zeros through sampleWorkbook (ids stay text)', () => {
    const wb = sampleWorkbook({ branches: 12 });
    const branches = wb.sheets.find((s) => s.name === '支部');
    expect(branches?.cells[0]?.[0]).toBe('支部编号');
    expect(branches?.cells[1]?.[0]).toBe('001');
    const form = wb.sheets.find((s) => s.name.startsWith('评分-'));
    expect(form?.cells[3]?.[0]).toBe('001');
    expect(wb.sheets.map((s) => s.name)).toEqual(sampleSheets({ branches: 12 }).map((s) => s.name));
  });

  it('builds a 2,000-branch, 7-rater sample with every cell', () => {
    const sheets = sampleSheets({ branches: 2000, upperRaters: 6 });
    expect(forms(sheets).reduce((n, f) => n + f.rows.length, 0)).toBe(12000);
    expect(byName(sheets, '评分').rows).toHaveLength(2000 * rated.length - countBlankSelf(sheets));
  });
});

/** 自评 rows omit blank 加分/扣分 cells; count how many (rated cells that no one filled). */
function countBlankSelf(sheets: readonly OutputSheet[]): number {
  const f = forms(sheets)[0];
  let blanks = 0;
  for (const row of f?.rows ?? []) for (let k = 0; k < rated.length; k++) if (row[k + 2] === null) blanks++;
  return blanks;
}

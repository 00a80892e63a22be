import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { DEFAULTS, SETTING_KEYS } from '../../../engine/settings';
import { DEFAULT_RUBRIC, settingsText, sheetToRaw, templateSheets, wideFormSheet, wideHeader } from '../../../engine/template';

const headers = (name: string, sheets = templateSheets()): string[] => sheets.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];

describe('templateSheets', () => {
  it('writes the input sheets with the contract headers, the ballot sheets in long form, then 填表说明', () => {
    const sheets = templateSheets();
    expect(sheets.map((s) => s.name)).toEqual(['支部', '指标', '评分', '台账', '否决', '双述双评', '满意度', '民主评议', '参数', '填表说明']);
    expect(headers('支部')).toEqual(['支部编号', '支部名称', '所属党委', '支部类型', '支部书记', '党员人数', '党小组数', '运行月数', '上年等次']);
    expect(headers('指标')).toEqual(expect.arrayContaining(['指标编号', '一级指标', '二级指标', '三级指标', '分值', '计分方式', '台账公式', '预警线', '否决', '整改建议']));
    expect(headers('评分')).toEqual(['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注']);
    expect(headers('否决')).toEqual(['支部编号', '事项', '影响', '备注']);
    expect(headers('参数')).toEqual(['参数', '值', '说明']);
  });

  it('leaves data sheets blank and fills 指标 with the default rubric', () => {
    const sheets = templateSheets();
    for (const name of ['支部', '评分', '台账', '否决', '双述双评', '满意度', '民主评议']) expect(sheets.find((s) => s.name === name)?.rows).toEqual([]);
    const rubric = sheets.find((s) => s.name === '指标');
    expect(rubric?.rows.map((r) => r[0])).toEqual(DEFAULT_RUBRIC.map((r) => r.id));
    const pointsCol = headers('指标').indexOf('分值');
    expect(rubric?.rows.map((r) => r[pointsCol])).toEqual(DEFAULT_RUBRIC.map((r) => r.points));
  });

  it('gives every sheet a unique ASCII table name, widths, no highlights and 0–1 frozen columns', () => {
    const sheets = templateSheets();
    const tables = sheets.map((s) => s.tableName);
    expect(new Set(tables).size).toBe(tables.length);
    for (const s of sheets) {
      expect(s.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(s.highlights).toEqual([]);
      expect([0, 1]).toContain(s.freezeColumns);
      for (const c of s.columns) expect(c.width).toBeGreaterThan(0);
    }
  });

  it('formats id columns as text so that 001 and 1.10 survive Excel', () => {
    for (const s of templateSheets()) {
      for (const c of s.columns) if (['支部编号', '指标编号', '党员编号'].includes(c.header)) expect(c.format, `${s.name}.${c.header}`).toBe('@');
    }
  });

  it('lists every 参数 key in SETTING_KEYS order with its default text and a 说明', () => {
    const rows = templateSheets().find((s) => s.name === '参数')?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual([...SETTING_KEYS]);
    const value = (key: string): unknown => rows.find((r) => r[0] === key)?.[1];
    expect(value('等次名称')).toBe('好,较好,一般,较差');
    expect(value('等次分数线')).toBe('90,80,60');
    expect(value('评分人类别权重')).toBe('上级=0.6,自评=0.4');
    expect(value('最高等次比例上限')).toBe('0.3');
    expect(value('民主评议优秀比例上限')).toBe('1/3');
    expect(value('比例控制范围')).toBe('全部');
    expect(value('会议最低次数')).toBe('支部党员大会=4,支委会=12,党小组会=12,党课=4,主题党日=12,组织生活会=1,民主评议党员=1');
    expect(value('评定年度')).toBeNull();
    for (const r of rows) expect(String(r[2]).length).toBeGreaterThan(10);
  });

  it('derives every default text from DEFAULTS', () => {
    const text = settingsText(DEFAULTS);
    const rows = templateSheets().find((s) => s.name === '参数')?.rows ?? [];
    for (const r of rows) expect(r[1]).toBe(text[r[0] as keyof typeof text]);
  });

  it('changes only the 说明 text with the locale, never headers, keys or values', () => {
    const zh = templateSheets();
    const en = templateSheets({ locale: 'en-US' });
    expect(en.map((s) => s.columns.map((c) => c.header))).toEqual(zh.map((s) => s.columns.map((c) => c.header)));
    const zhSettings = zh.find((s) => s.name === '参数')?.rows ?? [];
    const enSettings = en.find((s) => s.name === '参数')?.rows ?? [];
    expect(enSettings.map((r) => r.slice(0, 2))).toEqual(zhSettings.map((r) => r.slice(0, 2)));
    expect(enSettings[0]?.[2]).not.toBe(zhSettings[0]?.[2]);
    expect(String(enSettings[0]?.[2])).toMatch(/^[\x20-\x7e\u3400-\u9fff\u2019]+$/);
  });

  it('parses back (through the engine) to the default settings and the default rubric, without issues', () => {
    const { model, issues } = parseWorkbook({ sheets: templateSheets().map(sheetToRaw) });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.settings).toEqual(DEFAULTS);
    expect(model.indicators.map((i) => i.id)).toEqual(DEFAULT_RUBRIC.map((r) => r.id));
    expect(model.indicators.filter((i) => i.method === 'ledger').every((i) => i.formula !== null)).toBe(true);
    expect(model.indicators.find((i) => i.id === '2.4')?.veto).toEqual({ kind: 'cap', grade: 2 });
  });
});

describe('wide forms and sheetToRaw', () => {
  it('heads indicator columns `<id> <三级指标> (<分值>分)`', () => {
    const first = DEFAULT_RUBRIC[0];
    expect(first && wideHeader(first)).toBe('1.1 支委班子健全 (4分)');
  });

  it('puts preamble rows above the header row, cells from A1', () => {
    const form = wideFormSheet('张三', '上级', 0, [['001', '某支部', 3.5]]);
    const raw = sheetToRaw(form);
    expect(raw.name).toBe('评分-张三');
    expect(raw.cells[1]).toEqual(['评分人类别', '上级']);
    expect(raw.cells[2]?.slice(0, 3)).toEqual(['支部编号', '支部名称', '1.1 支委班子健全 (4分)']);
    expect(raw.cells[3]).toEqual(['001', '某支部', 3.5]);
    expect(raw.cells).toHaveLength(4);
  });
});

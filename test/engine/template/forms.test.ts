import { describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../../engine/output';
import { parseWorkbook } from '../../../engine/parse';
import type { RawWorkbook } from '../../../engine/raw';
import {
  branchSheet,
  DEFAULT_RUBRIC,
  formRaterName,
  ledgerSheet,
  formRoles,
  missingTemplateSheets,
  ratedRows,
  rubricSheet,
  scoringForms,
  settingsSheet,
  sheetToRaw,
  templateSheets,
  wideHeader,
  type RubricRow,
} from '../../../engine/template';

const BRANCHES = [
  ['001', '第一党支部', '机关党委', '教师', '张书记', 10, 2, 12, null],
  ['002', '第二党支部', '机关党委', '学生', '李书记', 20, 3, 12, null],
  ['003', '第三党支部', '理学院党委', '教师', '王书记', 15, 2, 12, null],
];

// A rubric unlike the default: ids, names and points that only this workbook has.
const RUBRIC: RubricRow[] = [
  { id: 'A1', dimension: '组织', group: '班子', item: '班子健全', standard: '', points: 6, method: '评分', formula: null, alert: null, veto: null, advice: null },
  { id: 'A2', dimension: '组织', group: '制度', item: '制度落实', standard: '', points: 4.5, method: '评分', formula: null, alert: null, veto: null, advice: null },
  { id: 'B1', dimension: '台账', group: '会议', item: '会议次数', standard: '', points: 10, method: '台账', formula: 'min(支部党员大会 / 4, 1) * 分值', alert: null, veto: null, advice: null },
  { id: 'J1', dimension: '加分项', group: '荣誉', item: '获奖', standard: '', points: 3, method: '加分', formula: null, alert: null, veto: null, advice: null },
  { id: 'K1', dimension: '扣分项', group: '违纪', item: '通报', standard: '', points: 5, method: '扣分', formula: null, alert: null, veto: null, advice: null },
];

function workbook(rubric: readonly RubricRow[] = RUBRIC, extra: OutputSheet[] = []): RawWorkbook {
  return { sheets: [branchSheet(BRANCHES), rubricSheet(rubric), ledgerSheet(['支部党员大会']), settingsSheet(), ...extra].map(sheetToRaw) };
}

/** The form with `value(row, col)` typed into every indicator cell. */
function fill(form: OutputSheet, value: (row: number, col: number) => number | null): OutputSheet {
  return { ...form, rows: form.rows.map((r, i) => r.map((v, c) => (c < 2 ? v : value(i, c)))) };
}

describe('scoringForms', () => {
  it('builds one form per rater from the workbook’s own branches and rated indicators', () => {
    const { sheets, issues } = scoringForms(workbook(), [
      { name: '张三', role: '上级' },
      { name: '第一党支部书记', role: '自评' },
    ]);
    expect(issues).toEqual([]);
    expect(sheets.map((s) => s.name)).toEqual(['评分-张三', '评分-第一党支部书记']);
    const form = sheets[0]!;
    expect(form.columns.map((c) => c.header)).toEqual(['支部编号', '支部名称', 'A1 班子健全 (6分)', 'A2 制度落实 (4.5分)', 'J1 获奖 (3分)', 'K1 通报 (5分)']);
    expect(form.preamble?.[1]).toEqual(['评分人类别', '上级']);
    expect(String(form.preamble?.[0]?.[0])).toContain('张三');
    expect(form.rows).toEqual(BRANCHES.map((b) => [b[0], b[1], null, null, null, null]));
    expect(form.freezeColumns).toBe(2);
    expect(form.validations).toEqual([
      { column: 'A1 班子健全 (6分)', min: 0, max: 6 },
      { column: 'A2 制度落实 (4.5分)', min: 0, max: 4.5 },
      { column: 'J1 获奖 (3分)', min: 0, max: 3 },
      { column: 'K1 通报 (5分)', min: 0, max: 5 },
    ]);
    expect(sheets[1]?.preamble?.[1]).toEqual(['评分人类别', '自评']);
    expect(new Set(sheets.map((s) => s.tableName)).size).toBe(2);
  });

  it('uses the default rubric’s headers when the workbook has it', () => {
    const { sheets } = scoringForms(workbook(DEFAULT_RUBRIC), [{ name: '张三', role: '上级' }]);
    expect(sheets[0]?.columns.slice(2).map((c) => c.header)).toEqual(ratedRows(DEFAULT_RUBRIC).map(wideHeader));
  });

  it('makes forms that parse back with their rater, role and the scores typed into them', () => {
    const raw = workbook();
    const { sheets } = scoringForms(raw, [
      { name: '张三', role: '上级' },
      { name: '李四', role: '自评' },
    ]);
    const filled = [fill(sheets[0]!, (r, c) => (c === 2 ? r + 1 : c === 3 ? 4 : null)), fill(sheets[1]!, (r, c) => (c === 4 ? 2.5 : null))];
    const parsed = parseWorkbook({ sheets: [...raw.sheets, ...filled.map(sheetToRaw)] });
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const scores = parsed.model.scores.map((s) => [s.rater, s.role, s.branch, s.indicator, s.value]);
    expect(scores).toEqual(
      expect.arrayContaining([
        ['张三', '上级', '001', 'A1', 1],
        ['张三', '上级', '002', 'A1', 2],
        ['张三', '上级', '003', 'A1', 3],
        ['张三', '上级', '001', 'A2', 4],
        ['李四', '自评', '003', 'J1', 2.5],
      ]),
    );
    expect(scores).toHaveLength(3 + 3 + 3);
    // Blank 评分 cells are remembered as unscored, so 未评定 can name them.
    expect(parsed.model.wideBlanks.get('001\u0001A2')).toEqual([{ sheet: '评分-李四', row: 3, col: 3 }]);
  });

  it('sanitises names that are not legal Excel sheet names, and the forms still parse back', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const { sheets } = scoringForms(workbook(), [
      { name: '张[三]:*?/\\', role: '上级' },
      { name: long, role: '上级' },
      { name: "O'Brien'", role: '上级' },
    ]);
    const names = sheets.map((s) => s.name);
    expect(names[0]).toBe('评分-张_三______');
    expect(names[1]).toBe(`评分-${long.slice(0, 28)}`);
    expect(names[2]).toBe("评分-O'Brien");
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/'$/);
    }
    const filled = sheets.map((s) => fill(s, () => 1));
    const parsed = parseWorkbook({ sheets: [...workbook().sheets, ...filled.map(sheetToRaw)] });
    expect(new Set(parsed.model.scores.map((s) => s.rater))).toEqual(new Set(names.map((n) => n.slice(3))));
  });

  it('skips blank names and keeps repeated names apart', () => {
    const { sheets } = scoringForms(workbook(), [
      { name: '  ', role: '上级' },
      { name: '张三', role: '上级' },
      { name: '张三 ', role: '自评' },
      { name: '///', role: '上级' },
    ]);
    expect(sheets.map((s) => s.name)).toEqual(['评分-张三', '评分-张三 (2)', '评分-___']);
  });

  it('flags a role that 评分人类别权重 does not weigh on the form’s role cell, and still makes the form', () => {
    const { sheets, issues } = scoringForms(workbook(), [{ name: '张三', role: '同行' }]);
    expect(sheets).toHaveLength(1);
    expect(issues.map((i) => [i.code, i.at])).toEqual([['ROLE_UNKNOWN', { sheet: '评分-张三', row: 1, col: 1 }]]);
  });

  it('makes no form when 支部 or 指标 is missing, and returns the issue that says so', () => {
    const noBranches = { sheets: [rubricSheet(RUBRIC), settingsSheet()].map(sheetToRaw) };
    const a = scoringForms(noBranches, [{ name: '张三', role: '上级' }]);
    expect(a.sheets).toEqual([]);
    expect(a.issues.map((i) => [i.code, i.at.sheet])).toContainEqual(['SHEET_MISSING', '支部']);
    const noRubric = { sheets: [branchSheet(BRANCHES)].map(sheetToRaw) };
    const b = scoringForms(noRubric, [{ name: '张三', role: '上级' }]);
    expect(b.sheets).toEqual([]);
    expect(b.issues.map((i) => [i.code, i.at.sheet])).toContainEqual(['SHEET_MISSING', '指标']);
  });

  it('numbers table names after the forms the workbook already has', () => {
    const first = scoringForms(workbook(), [{ name: '甲', role: '上级' }]).sheets;
    const second = scoringForms(workbook(RUBRIC, first), [{ name: '乙', role: '上级' }]).sheets;
    expect(first[0]?.tableName).toBe('IN_Form_1');
    expect(second[0]?.tableName).toBe('IN_Form_2');
  });

  it('writes the instruction line in English for en-US', () => {
    const { sheets } = scoringForms(workbook(), [{ name: 'Zhang', role: '上级' }], 'en-US');
    expect(String(sheets[0]?.preamble?.[0]?.[0])).toMatch(/^Scoring form of Zhang/);
  });
});

describe('formRaterName', () => {
  it('keeps legal names and cuts long ones at a code point', () => {
    expect(formRaterName(' 张三 ')).toBe('张三');
    expect(formRaterName('😀'.repeat(20))).toBe('😀'.repeat(14));
  });
});

describe('formRoles', () => {
  it('lists the roles of 评分人类别权重, from 参数 when it sets them', () => {
    expect(formRoles(workbook())).toEqual(['上级', '自评']);
    const custom = { sheets: [branchSheet(BRANCHES), rubricSheet(RUBRIC), settingsSheet({ 评分人类别权重: '上级:0.5, 同行:0.2, 自评:0.3' })].map(sheetToRaw) };
    expect(new Set(formRoles(custom))).toEqual(new Set(['上级', '同行', '自评']));
  });
});

describe('missingTemplateSheets', () => {
  it('adds only what the workbook lacks, matching names as the parser does and ballot kinds by either form', () => {
    const template = templateSheets();
    const { missing, present } = missingTemplateSheets(['Branches', ' 指标 ', '满意度计票', '其他'], template);
    expect(present).toEqual(['支部', '指标', '满意度']);
    expect(missing.map((s) => s.name)).toEqual(['评分', '台账', '否决', '双述双评', '民主评议', '参数', '填表说明']);
    expect(missingTemplateSheets(template.map((s) => s.name), template).missing).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { emitContext } from '../../../engine/emit/context';
import { emitGaps } from '../../../engine/emit/gaps';
import { renderGap } from '../../../engine/messages';
import type { OutputSheet } from '../../../engine/output';
import type { RawSheet, RawWorkbook } from '../../../engine/raw';
import type { Gap } from '../../../engine/results';
import { asRaw, branch, cell, column, gap, model, record } from './build';

const M = model([branch('001', { name: '一支部', unit: '文学院党委' }), branch('002', { name: '二支部', unit: '理学院党委' })]);

const G_IND = gap('001', '指标低于预警线', '1.3', { unit: 'points', standard: 3, actual: 1.655, diff: 1.345, advice: '补齐台账', detail: '支委班子健全' });
const G_MEET = gap('001', '会议次数不足', '支委会', { unit: 'count', standard: 12, actual: 9, diff: 3 });
const G_SAT = gap('002', '满意率偏低', '满意率', { unit: 'ratio', standard: 0.9, actual: 0.853333, diff: 0.046667 });
const G_VETO = gap('002', '否决事项', '违纪', { detail: '定为较差' });

function run(gaps: readonly Gap[], existing: readonly RawSheet[] = [], locale: 'zh-CN' | 'en-US' = 'zh-CN'): OutputSheet {
  const wb: RawWorkbook = { sheets: existing };
  return emitGaps(emitContext({ model: M, results: [], gaps, issues: [], existing: wb, locale }));
}

const HEADERS = ['支部编号', '支部名称', '所属党委', '问题类型', '项目', '问题描述', '标准', '实际', '差距', '整改建议', '整改措施', '责任人', '整改时限', '整改状态', '销号日期', '检出状态'];

describe('问题清单 from this run alone', () => {
  it('has the contract columns, user columns marked', () => {
    const s = run([G_IND]);
    expect(s.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(s.columns.filter((c) => c.user === true).map((c) => c.header)).toEqual(['整改措施', '责任人', '整改时限', '整改状态', '销号日期']);
    expect(s.tableName).toBe('BR_Gaps');
    expect(s.freezeColumns).toBe(2);
  });

  it('writes each gap with rounded measures, 未整改 and 本次检出', () => {
    const s = run([G_IND, G_MEET, G_SAT, G_VETO]);
    expect(record(s, 0)).toEqual({
      支部编号: '001', 支部名称: '一支部', 所属党委: '文学院党委', 问题类型: '指标低于预警线', 项目: '1.3', 问题描述: renderGap(G_IND, { gradeNames: M.settings.gradeNames, decimals: 2 }, 'zh-CN'),
      标准: 3, 实际: 1.66, 差距: 1.35, 整改建议: '补齐台账', 整改措施: null, 责任人: null, 整改时限: null, 整改状态: '未整改', 销号日期: null, 检出状态: '本次检出',
    });
    expect([cell(s, 1, '标准'), cell(s, 1, '实际'), cell(s, 1, '差距')]).toEqual([12, 9, 3]);
    expect([cell(s, 2, '标准'), cell(s, 2, '实际'), cell(s, 2, '差距')]).toEqual([0.9, 0.8533, 0.0467]);
    expect([cell(s, 3, '标准'), cell(s, 3, '实际'), cell(s, 3, '差距')]).toEqual([null, null, null]);
  });

  it('formats 标准/实际/差距 per row by unit: points 0.00, counts 0, ratios 0.00%', () => {
    const s = run([G_IND, G_MEET, G_SAT, G_VETO]);
    const fmt = (row: number) => (s.cellFormats ?? []).filter((f) => f.row === row).map((f) => [f.column, f.format]);
    expect(fmt(0)).toEqual([['标准', '0.00'], ['实际', '0.00'], ['差距', '0.00']]);
    expect(fmt(1)).toEqual([['标准', '0'], ['实际', '0'], ['差距', '0']]);
    expect(fmt(2)).toEqual([['标准', '0.00%'], ['实际', '0.00%'], ['差距', '0.00%']]);
    expect(fmt(3)).toEqual([]);
    expect(s.columns.find((c) => c.header === '实际')?.format).toBe('General');
  });

  it('writes 问题描述 in the locale but contract values as written', () => {
    const en = run([G_SAT], [], 'en-US');
    expect(cell(en, 0, '问题描述')).toBe(renderGap(G_SAT, { gradeNames: M.settings.gradeNames, decimals: 2 }, 'en-US'));
    expect(cell(en, 0, '问题描述')).not.toBe(cell(run([G_SAT]), 0, '问题描述'));
    expect([cell(en, 0, '问题类型'), cell(en, 0, '整改状态'), cell(en, 0, '检出状态')]).toEqual(['满意率偏低', '未整改', '本次检出']);
  });

  it('highlights statuses', () => {
    expect(run([]).highlights).toEqual([
      { column: '检出状态', equals: '本次未检出', style: 'fair' },
      { column: '整改状态', equals: '未整改', style: 'warn' },
      { column: '整改状态', equals: '整改中', style: 'fair' },
      { column: '整改状态', equals: '已销号', style: 'good' },
    ]);
  });
});

describe('问题清单 merged with the sheet the user edited', () => {
  const DATE = new Date(Date.UTC(2025, 5, 30));
  /** The first run's sheet, edited by the user: 整改 columns typed, a column and a row added. */
  function edited(): RawSheet {
    const first = run([G_IND, G_MEET, G_SAT]);
    const cells = asRaw(first, 2).cells.map((r) => [...r]);
    const h = cells[2] ?? [];
    h.push('备注');
    const at = (header: string) => h.indexOf(header);
    const row0 = cells[3] ?? [];
    row0[at('整改措施')] = '补开支委会';
    row0[at('责任人')] = '张书记';
    row0[at('整改时限')] = DATE;
    row0[at('整改状态')] = '整改中';
    row0[at('备注')] = '已督办';
    const row2 = cells[5] ?? [];
    row2[at('整改状态')] = '已销号';
    row2[at('销号日期')] = DATE;
    row2[at('备注')] = 42;
    // A row the user added (no 检出状态), with ids typed full-width.
    const added = new Array(h.length).fill(null);
    added[at('支部编号')] = '００２';
    added[at('问题类型')] = '其他';
    added[at('项目')] = '支部换届';
    added[at('整改措施')] = '按期换届';
    added[at('整改状态')] = '未整改';
    cells.push([], added);
    return { name: ' 问题清单 ', cells };
  }

  it('keeps user columns by key, marks a gap no longer found 本次未检出, keeps a user row and an extra column', () => {
    // This run: 1.3 still found (now with a new score), 支委会 fixed, 满意率 still low, a new veto.
    const G_IND2 = { ...G_IND, actual: 2.5, diff: 0.5 };
    const s = run([G_VETO, G_IND2, G_SAT], [edited()]);
    expect(s.columns.map((c) => c.header)).toEqual([...HEADERS, '备注']);
    expect(s.columns.at(-1)).toEqual({ header: '备注', width: 10, user: true });
    expect(column(s, '项目')).toEqual(['违纪', '1.3', '满意率', '支委会', '支部换届']);
    expect(record(s, 0)).toMatchObject({ 整改措施: null, 整改状态: '未整改', 检出状态: '本次检出', 备注: null });
    expect(record(s, 1)).toMatchObject({ 实际: 2.5, 差距: 0.5, 整改措施: '补开支委会', 责任人: '张书记', 整改时限: DATE, 整改状态: '整改中', 检出状态: '本次检出', 备注: '已督办' });
    expect(record(s, 2)).toMatchObject({ 整改状态: '已销号', 销号日期: DATE, 检出状态: '本次检出', 备注: 42 });
    // No longer detected: the whole old row, only 检出状态 changed.
    expect(record(s, 3)).toMatchObject({ 支部编号: '001', 问题类型: '会议次数不足', 标准: 12, 实际: 9, 差距: 3, 整改状态: '未整改', 检出状态: '本次未检出' });
    // The user's own row: exactly as written.
    expect(record(s, 4)).toEqual({
      ...Object.fromEntries([...HEADERS, '备注'].map((h) => [h, null])),
      支部编号: '００２', 问题类型: '其他', 项目: '支部换届', 整改措施: '按期换届', 整改状态: '未整改',
    });
    // Old rows keep the format of their 问题类型's unit.
    expect((s.cellFormats ?? []).filter((f) => f.row === 3).map((f) => f.format)).toEqual(['0', '0', '0']);
  });

  it('matches keys after trimming and full-width → half-width', () => {
    const first = run([G_MEET]);
    const cells = asRaw(first).cells.map((r) => [...r]);
    const h = cells[0] ?? [];
    const row = cells[1] ?? [];
    row[h.indexOf('支部编号')] = ' ００１ ';
    row[h.indexOf('责任人')] = '李四';
    const s = run([G_MEET], [{ name: '问题清单', cells }]);
    expect(s.rows.length).toBe(1);
    expect(record(s, 0)).toMatchObject({ 支部编号: '001', 责任人: '李四', 检出状态: '本次检出' });
  });

  it('reads the old sheet by header, in any column order, headers normalised', () => {
    const cells = [
      [null, null, null],
      ['检出状态', ' 整改措施 ', '项目', '问题类型', '支部编号'],
      ['本次检出', '补课', '支委会', '会议次数不足', 1],
    ];
    const s = run([], [{ name: '问题清单', cells }]);
    // The number id 1 reads as `1`; not found now, so the engine row stays as 本次未检出.
    expect(record(s, 0)).toMatchObject({ 支部编号: 1, 项目: '支委会', 整改措施: '补课', 检出状态: '本次未检出' });
  });

  it('copies an old row that repeats a found key exactly, without relabelling it', () => {
    const first = run([G_MEET]);
    const cells = asRaw(first).cells.map((r) => [...r]);
    cells.push([...(cells[1] ?? [])]);
    const h = cells[0] ?? [];
    (cells[2] ?? [])[h.indexOf('整改措施')] = '第二份';
    const s = run([G_MEET], [{ name: '问题清单', cells }]);
    expect(column(s, '整改措施')).toEqual([null, '第二份']);
    expect(column(s, '检出状态')).toEqual(['本次检出', '本次检出']);
  });

  it('starts 整改状态 at 未整改 when the old sheet had no such column', () => {
    const cells = [
      ['支部编号', '问题类型', '项目', '责任人'],
      ['001', '会议次数不足', '支委会', '王五'],
    ];
    const s = run([G_MEET], [{ name: '问题清单', cells }]);
    expect(record(s, 0)).toMatchObject({ 责任人: '王五', 整改状态: '未整改', 检出状态: '本次检出' });
  });

  it('writes an Excel error value a user column held as its text', () => {
    const first = run([G_MEET]);
    const cells = asRaw(first).cells.map((r) => [...r]);
    const h = cells[0] ?? [];
    (cells[1] ?? [])[h.indexOf('整改时限')] = { kind: 'error', code: '#N/A' };
    expect(cell(run([G_MEET], [{ name: '问题清单', cells }]), 0, '整改时限')).toBe('#N/A');
  });
});

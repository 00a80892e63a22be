/** Workbooks for the task pane tests, built with the engine's own template builders. */
import type { RawWorkbook } from '../../../engine/raw';
import { branchSheet, rubricSheet, scoringForms, settingsSheet, sheetToRaw } from '../../../engine/template';

export const BRANCHES = [
  ['001', '第一党支部', '机关党委', '教师', '张书记', 10, 2, 12, null],
  ['002', '第二党支部', '机关党委', '学生', '李书记', 20, 3, 12, null],
];

/** 支部, 指标 (the default rubric) and 参数: what 准备 leaves once the branches are typed in. */
export function basicWorkbook(): RawWorkbook {
  return { sheets: [branchSheet(BRANCHES), rubricSheet(), settingsSheet()].map(sheetToRaw) };
}

/** basicWorkbook plus a form of 张三 with 120 typed into the first indicator cell of 001 (above its 分值). */
export function workbookWithBadScore(): RawWorkbook {
  const raw = basicWorkbook();
  const form = scoringForms(raw, [{ name: '张三', role: '上级' }]).sheets[0];
  if (!form) throw new Error('no form');
  const rows = form.rows.map((r, i) => r.map((v, c) => (i === 0 && c === 2 ? 120 : c >= 2 ? 1 : v)));
  return { sheets: [...raw.sheets, sheetToRaw({ ...form, rows })] };
}

/** Inline workbook builders for the parse tests. */
import type { Issue } from '../../../engine/issues';
import type { CellError, RawSheet, RawWorkbook, Scalar } from '../../../engine/raw';

/** A sheet from rows of cells (row 0 = Excel row 1). */
export function sheet(name: string, cells: Scalar[][]): RawSheet {
  return { name, cells };
}

export function book(...sheets: RawSheet[]): RawWorkbook {
  return { sheets };
}

/** An Excel error value. */
export function err(code: string): CellError {
  return { kind: 'error', code };
}

/** The issues with a code, as (code, at) pairs for compact assertions. */
export function withCode(issues: readonly Issue[], code: Issue['code']): Issue[] {
  return issues.filter((i) => i.code === code);
}

/** 支部 with three branches: 001, 002, 003. */
export function branchesSheet(): RawSheet {
  return sheet('支部', [
    ['支部编号', '支部名称', '所属党委'],
    ['001', '机械一支部', '机械学院'],
    ['002', '机械二支部', '机械学院'],
    ['003', '材料支部', '材料学院'],
  ]);
}

/**
 * 指标: 1.1 (4, 评分), 1.10 (6, 评分), 2.1 (10, 台账, min(党课, 10)), 9.1 (5, 加分), 9.2 (3, 扣分).
 */
export function rubricSheet(): RawSheet {
  return sheet('指标', [
    ['指标编号', '一级指标', '三级指标', '分值', '计分方式', '台账公式'],
    ['1.1', '组织队伍强', '支委班子健全', 4, '评分', null],
    ['1.10', '组织队伍强', '党员发展', 6, '评分', null],
    ['2.1', '制度机制强', '党课', 10, '台账', 'min(党课 * 2.5, 分值)'],
    ['9.1', '加分', '获奖', 5, '加分', null],
    ['9.2', '扣分', '违纪', 3, '扣分', null],
  ]);
}

/** 台账 with the 党课 column for 001 and 002. */
export function ledgerSheet(): RawSheet {
  return sheet('台账', [
    ['支部编号', '支部名称', '党课', '支部党员大会'],
    ['001', '机械一支部', 4, 4],
    ['002', '机械二支部', 3, null],
  ]);
}

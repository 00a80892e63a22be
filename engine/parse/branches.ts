/**
 * 支部 (Branches), workbook.md §2.1: one row per branch, 支部编号 unique (the first row counts).
 */
import { issue, type Issue } from '../issues';
import { a1 } from '../location';
import type { Branch } from '../model';
import type { RawSheet } from '../raw';
import type { Settings } from '../settings';
import { readId, readNumber, readText, ref, required, requiredKey, valueOr, type ReadContext } from './cells';
import { normName } from './normalize';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Col = 'id' | 'name' | 'unit' | 'type' | 'secretary' | 'members' | 'groups' | 'months' | 'previous';

const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'id', header: '支部编号', aliases: ['id'], required: true },
  { key: 'name', header: '支部名称', aliases: ['name'], required: true },
  { key: 'unit', header: '所属党委', aliases: ['unit'] },
  { key: 'type', header: '支部类型', aliases: ['type'] },
  { key: 'secretary', header: '支部书记', aliases: ['secretary'] },
  { key: 'members', header: '党员人数', aliases: ['members'] },
  { key: 'groups', header: '党小组数', aliases: ['groups'] },
  { key: 'months', header: '运行月数', aliases: ['months'] },
  { key: 'previous', header: '上年等次', aliases: ['previous'] },
];

/** 支部类型 choices. */
export const BRANCH_TYPES = ['教师', '学生', '机关', '离退休', '其他'] as const;
const TYPE_BY_NAME: ReadonlyMap<string, string> = new Map(BRANCH_TYPES.map((t) => [normName(t), t] as const));

/** 所属党委 when blank. */
export const NO_UNIT = '未分组';

/**
 * Parse 支部. A row with a bad optional value keeps the branch with that value's default (the
 * issue names the cell); only a missing or repeated 支部编号 drops a row. A missing 支部名称
 * cell keeps the branch with an empty name, so its scores are not all reported as unknown.
 * Null when the sheet is empty or lacks a required column (the issue says so).
 */
export function parseBranches(sheet: RawSheet, settings: Settings, issues: Issue[]): Branch[] | null {
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return null;
  const col = (k: Col) => table.columns.get(k);
  const idCol = col('id') ?? 0;
  const nameCol = col('name') ?? 0;
  const ctx: ReadContext = { sheet, issues };
  const gradeIndex = new Map(settings.gradeNames.map((g, i) => [normName(g), i] as const));
  const firstRow = new Map<string, number>();
  const branches: Branch[] = [];

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const id = requiredKey(ctx, readId(ctx, row, idCol, '支部编号'), row, idCol, '支部编号');
    if (!id.ok) continue;
    const first = firstRow.get(id.value);
    if (first !== undefined) {
      issues.push(issue('BRANCH_ID_DUPLICATE', ref(ctx, row, idCol), { id: id.value, first: a1({ sheet: sheet.name, row: first, col: idCol }) }));
      continue;
    }
    firstRow.set(id.value, row);

    const name = required(ctx, readText(ctx, row, nameCol, '支部名称'), row, nameCol, '支部名称');
    const unit = valueOr(readText(ctx, row, col('unit'), '所属党委'), NO_UNIT);
    const secretary = valueOr(readText(ctx, row, col('secretary'), '支部书记'), null);

    let type: string | null = null;
    const typeCol = col('type');
    const typeRead = readText(ctx, row, typeCol, '支部类型');
    if (typeRead.ok && typeCol !== undefined) {
      type = TYPE_BY_NAME.get(normName(typeRead.value)) ?? null;
      if (type === null) {
        issues.push(issue('VALUE_NOT_ALLOWED', ref(ctx, row, typeCol), { value: typeRead.value, column: '支部类型', allowed: BRANCH_TYPES.join('/') }));
      }
    }

    const members = readCount(ctx, row, col('members'), '党员人数');
    const groups = readCount(ctx, row, col('groups'), '党小组数');

    let months = 12;
    const monthsCol = col('months');
    const monthsRead = readNumber(ctx, row, monthsCol, '运行月数', 'plain');
    if (monthsRead.ok && monthsCol !== undefined) {
      const m = monthsRead.value;
      if (!Number.isInteger(m)) {
        issues.push(issue('INTEGER_INVALID', ref(ctx, row, monthsCol), { value: String(m), column: '运行月数' }));
      } else if (m < 1 || m > 12) {
        issues.push(issue('NUMBER_OUT_OF_RANGE', ref(ctx, row, monthsCol), { value: String(m), column: '运行月数', min: '1', max: '12' }));
      } else {
        months = m;
      }
    }

    let previous: number | null = null;
    const prevCol = col('previous');
    const prevRead = readText(ctx, row, prevCol, '上年等次');
    if (prevRead.ok && prevCol !== undefined) {
      previous = gradeIndex.get(normName(prevRead.value)) ?? null;
      if (previous === null) {
        issues.push(
          issue('VALUE_NOT_ALLOWED', ref(ctx, row, prevCol), { value: prevRead.value, column: '上年等次', allowed: settings.gradeNames.join('/') }),
        );
      }
    }

    branches.push({
      id: id.value,
      name: name.ok ? name.value : '',
      unit,
      type,
      secretary,
      members,
      groups: groups ?? 0,
      months,
      previous,
      at: ref(ctx, row, idCol),
    });
  }
  return branches;
}

/** The 支部编号 values of 支部, or null when 支部 is missing or unreadable. */
export type BranchIds = ReadonlySet<string> | null;

/**
 * Whether a 支部编号 on another sheet names a branch: BRANCH_UNKNOWN when 支部 was read and lacks
 * it. Without a usable 支部 every id is silently unknown: its own issue already says nothing can
 * be graded, and thousands of BRANCH_UNKNOWN would bury it.
 */
export function checkBranchId(ctx: ReadContext, ids: BranchIds, id: string, row: number, col: number): boolean {
  if (ids === null) return false;
  if (ids.has(id)) return true;
  ctx.issues.push(issue('BRANCH_UNKNOWN', ref(ctx, row, col), { id }));
  return false;
}

/** A whole number ≥ 0 (党员人数, 党小组数); null when blank or invalid (INTEGER_INVALID). */
function readCount(ctx: ReadContext, row: number, col: number | undefined, column: string): number | null {
  const r = readNumber(ctx, row, col, column, 'plain');
  if (!r.ok || col === undefined) return null;
  if (!Number.isInteger(r.value) || r.value < 0) {
    ctx.issues.push(issue('INTEGER_INVALID', ref(ctx, row, col), { value: String(r.value), column }));
    return null;
  }
  return r.value;
}

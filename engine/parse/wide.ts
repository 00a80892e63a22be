/**
 * 评分-<评分人> wide scoring forms, workbook.md §2.4 and §8 Wide forms: one row per branch, one
 * column per indicator. The rater is the sheet-name suffix, unless a `评分人 | 张三` label above the
 * header names it (consolidation renames a repeated `评分-张三` to `评分-张三 (2)` and keeps the rater in
 * that label); the role sits in a `评分人类别 | 自评` label above the header. Blank cells are "not
 * scored" and remembered so 未评定 can name them.
 */
import { issue, type Issue } from '../issues';
import type { CellRef } from '../location';
import type { Indicator } from '../model';
import { cellAt, isBlank, isCellError, type RawSheet } from '../raw';
import { readId, readText, ref, requiredKey, type Read, type ReadContext } from './cells';
import { cellText, normName, toHalfWidth } from './normalize';
import { checkBranch, checkRole, raterKey, readScore, type ScoreEntry, type ScoreLookup } from './scoreRules';
import { isRowBlank } from './table';

const BRANCH_HEADERS: ReadonlySet<string> = new Set(['支部编号', 'branch', 'id'].map(normName));
const NAME_HEADERS: ReadonlySet<string> = new Set(['支部名称', 'name'].map(normName));
const ROLE_LABELS: ReadonlySet<string> = new Set(['评分人类别', 'role'].map(normName));
const RATER_LABELS: ReadonlySet<string> = new Set(['评分人', 'rater'].map(normName));
// After half-width conversion U+3000 is a space and （ is (; 【 has no half-width form.
const ID_END = /[\s([【]/;
// A header that starts like an indicator id (`2.3`, `4 …`) but matched none is worth a warning.
const ID_LIKE = /^\d+(?:\.\d+)*/;

/** Key of model.wideBlanks. */
export function blankKey(branch: string, indicator: string): string {
  return `${branch}\u0001${indicator}`;
}

/**
 * The indicator a header names: equal to the id, or the id followed by a space, U+3000, `(`, `（`,
 * `[` or `【`. `1.1 支委班子健全 (4分)` → 1.1; `1.10` never reads as 1.1.
 */
export function headerIndicatorId(header: string, has: (id: string) => boolean): string | undefined {
  const text = toHalfWidth(header).trim();
  if (has(text)) return text;
  const end = text.search(ID_END);
  if (end <= 0) return undefined;
  const id = text.slice(0, end);
  return has(id) ? id : undefined;
}

/**
 * Read one wide form (`suffixRater`: the rater its sheet name gives, overridden by a 评分人 label). Scores go to the returned list (before duplicates are resolved); blank cells
 * of 评分 indicators for known branches are added to `blanks`.
 */
export function parseWideForm(
  sheet: RawSheet,
  suffixRater: string,
  lookup: ScoreLookup,
  issues: Issue[],
  blanks: Map<string, CellRef[]>,
): ScoreEntry[] {
  const ctx: ReadContext = { sheet, issues };
  const header = findHeader(sheet);
  if (!header) {
    issues.push(issue('WIDE_HEADER_MISSING', { sheet: sheet.name }, {}));
    return [];
  }
  const { row: headerRow, col: branchCol } = header;
  const rater = labelValue(sheet, headerRow, RATER_LABELS) ?? suffixRater;
  const role = readRoleLabel(ctx, lookup, headerRow);
  const columns = indicatorColumns(ctx, lookup, headerRow, branchCol);
  const nameCol = findCol(sheet, headerRow, NAME_HEADERS);
  const used = [branchCol, ...columns.map((c) => c.col), ...(nameCol === undefined ? [] : [nameCol])];
  const key = raterKey(rater);
  const out: ScoreEntry[] = [];

  for (let row = headerRow + 1; row < sheet.cells.length; row++) {
    if (isRowBlank(sheet, row, used)) continue;
    const branch = requiredKey(ctx, readId(ctx, row, branchCol, '支部编号'), row, branchCol, '支部编号');
    if (!branch.ok) continue;
    // Cells of an unknown branch or an unknown role are still checked, so all issues show at once.
    const record = checkBranch(ctx, lookup, branch.value, row, branchCol) && role !== undefined;
    for (const { col, ind } of columns) {
      if (isBlank(cellAt(sheet, row, col))) {
        if (record && ind.method === 'score') {
          const k = blankKey(branch.value, ind.id);
          const list = blanks.get(k);
          if (list) list.push(ref(ctx, row, col));
          else blanks.set(k, [ref(ctx, row, col)]);
        }
        continue;
      }
      const score = readScore(ctx, row, col, ind);
      if (!score.ok || !record || role === undefined) continue;
      out.push({ branch: branch.value, indicator: ind.id, rater, raterKey: key, role, value: score.value, at: ref(ctx, row, col) });
    }
  }
  return out;
}

/**
 * The rater a wide form names in a `评分人` (or `rater`) label above its header, or undefined when it has
 * none (then the sheet-name suffix is the rater). The value is the first non-blank cell to the label's
 * right, as for 评分人类别. `评分-张三 (2)` with `评分人 | 张三` is 张三's form.
 */
export function wideFormLabelRater(sheet: RawSheet): string | undefined {
  const header = findHeader(sheet);
  return header ? labelValue(sheet, header.row, RATER_LABELS) : undefined;
}

/** The text right of the first label in `labels` above `headerRow` (half-width, trimmed); undefined when absent or blank. */
function labelValue(sheet: RawSheet, headerRow: number, labels: ReadonlySet<string>): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    const cells = sheet.cells[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || !labels.has(normName(v))) continue;
      let vc = c + 1;
      while (vc < cells.length && isBlank(cells[vc])) vc++;
      const value = vc < cells.length && !isCellError(cells[vc]) ? toHalfWidth(cellText(cells[vc])).trim() : '';
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** The first row with a cell reading 支部编号 (or branch/id), and that cell's column. */
function findHeader(sheet: RawSheet): { row: number; col: number } | undefined {
  for (let r = 0; r < sheet.cells.length; r++) {
    const col = findCol(sheet, r, BRANCH_HEADERS);
    if (col !== undefined) return { row: r, col };
  }
  return undefined;
}

function findCol(sheet: RawSheet, row: number, names: ReadonlySet<string>): number | undefined {
  const cells = sheet.cells[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === 'string' && names.has(normName(v))) return c;
  }
  return undefined;
}

/**
 * The role from a `评分人类别` label above the header: its value is the first non-blank cell to its
 * right (merged label cells leave blanks between). No label or a blank value → 上级.
 */
function readRoleLabel(ctx: ReadContext, lookup: ScoreLookup, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    const cells = ctx.sheet.cells[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || !ROLE_LABELS.has(normName(v))) continue;
      let vc = c + 1;
      while (vc < cells.length && isBlank(cells[vc])) vc++;
      const read: Read<string> = vc < cells.length ? readText(ctx, r, vc, '评分人类别') : { ok: false, blank: true };
      return checkRole(ctx, lookup, read, r, vc);
    }
  }
  return checkRole(ctx, lookup, { ok: false, blank: true }, headerRow, undefined);
}

/**
 * Header cells that name a rated indicator. A 台账 indicator's column → INDICATOR_NOT_RATED once on
 * its header; a second column for one indicator → COLUMN_DUPLICATE (first used); an id-like header
 * that matches nothing → WIDE_COLUMN_UNKNOWN. Other columns are the user's and are ignored.
 */
function indicatorColumns(ctx: ReadContext, lookup: ScoreLookup, headerRow: number, branchCol: number): { col: number; ind: Indicator }[] {
  const excluded = lookup.excluded;
  const has = (id: string) => lookup.indicators.has(id) || (excluded !== true && excluded.has(id));
  const seen = new Set<string>();
  const out: { col: number; ind: Indicator }[] = [];
  const cells = ctx.sheet.cells[headerRow] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (c === branchCol || isBlank(v) || typeof v === 'boolean' || v instanceof Date) continue;
    const text = cellText(v).trim();
    if (NAME_HEADERS.has(normName(text)) || BRANCH_HEADERS.has(normName(text))) continue;
    const id = headerIndicatorId(text, has);
    const ind = id === undefined ? undefined : lookup.indicators.get(id);
    const at = ref(ctx, headerRow, c);
    if (!ind) {
      // Excluded rubric rows and an unavailable rubric are already explained by their own issue.
      if (id === undefined && excluded !== true && ID_LIKE.test(toHalfWidth(text))) {
        ctx.issues.push(issue('WIDE_COLUMN_UNKNOWN', at, { header: text }));
      }
      continue;
    }
    if (ind.method === 'ledger') {
      ctx.issues.push(issue('INDICATOR_NOT_RATED', at, { id: ind.id, method: '台账' }));
      continue;
    }
    if (seen.has(ind.id)) {
      ctx.issues.push(issue('COLUMN_DUPLICATE', at, { column: text }));
      continue;
    }
    seen.add(ind.id);
    out.push({ col: c, ind });
  }
  return out;
}

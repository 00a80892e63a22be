/**
 * The two forms of every ballot sheet (workbook.md §2.7): long (one row per ballot per target) and
 * 计票 (one row per target × group × aspect with a count per level). One reader per form serves the
 * three kinds, driven by a {@link BallotLayout}, so the kinds cannot drift apart in how they check rows.
 *
 * A row is checked cell by cell (every issue in one pass), then counted only when its target, branch,
 * group and aspect are all usable. Levels never stop a row: a bad level is that aspect's 废票.
 */
import { BALLOT_LEVELS, NO_GROUP, REVIEW_ASPECTS, SINGLE_ASPECT, type BallotKind } from '../ballots';
import { issue, type Issue } from '../issues';
import { a1, type CellRef } from '../location';
import type { RawSheet } from '../raw';
import type { TallyBuilder } from '../compute/tally';
import { readLevel, readBallotCount, readGroup, type Level } from './ballotCells';
import { checkBranchId, type BranchIds } from './branches';
import { readId, readText, ref, required, requiredKey, type ReadContext } from './cells';
import type { MemberColumns, MemberRegistry } from './members';
import { normName } from './normalize';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

/** How one kind's sheets are laid out. */
export interface BallotLayout {
  readonly kind: BallotKind;
  /** The kind's name as issues show it (BALLOT_FORMS_OVERLAP's `kind`): the long sheet's contract name. */
  readonly label: string;
  /** Branch targets (双述双评, 满意度: 支部编号) or member targets (民主评议: 党员编号 with 姓名, 支部编号). */
  readonly target: 'branch' | 'member';
  /** Rater groups: closed (上级/党员/群众 only), open (any text), or none (民主评议). */
  readonly groups: 'closed' | 'open' | 'none';
  /** The long form's level columns, one per aspect. */
  readonly aspects: readonly { readonly aspect: string; readonly spec: ColumnSpec<string> }[];
  /** The 计票 form has a 方面 column naming the aspect (双述双评). */
  readonly countsHaveAspect: boolean;
  /** English aliases of the 计票 level columns, indexed like BALLOT_LEVELS[kind]; 较差 joins 差. */
  readonly levelAliases: readonly (readonly string[])[];
}

const BRANCH: ColumnSpec<string> = { key: 'branch', header: '支部编号', aliases: ['branch'], required: true };
const MEMBER: ColumnSpec<string> = { key: 'member', header: '党员编号', aliases: ['member'], required: true };
const NAME: ColumnSpec<string> = { key: 'name', header: '姓名', aliases: ['name'] };
const GROUP: ColumnSpec<string> = { key: 'group', header: '评议人类别', aliases: ['group', 'rater group'] };
const RATER: ColumnSpec<string> = { key: 'rater', header: '评议人', aliases: ['rater'] };
const ASPECT: ColumnSpec<string> = { key: 'aspect', header: '方面', aliases: ['aspect'], required: true };
const RATING: ColumnSpec<string> = { key: 'level:', header: '评价', aliases: ['rating'], required: true };

export const REVIEW_LAYOUT: BallotLayout = {
  kind: 'review',
  label: '双述双评',
  target: 'branch',
  groups: 'closed',
  aspects: [
    { aspect: '党建', spec: { key: 'level:党建', header: '党建', aliases: ['party work'], required: true } },
    { aspect: '业务', spec: { key: 'level:业务', header: '业务', aliases: ['professional work'], required: true } },
  ],
  countsHaveAspect: true,
  levelAliases: [['good'], ['fairly good'], ['fair'], ['poor', '较差']],
};

export const SATISFACTION_LAYOUT: BallotLayout = {
  kind: 'satisfaction',
  label: '满意度',
  target: 'branch',
  groups: 'open',
  aspects: [{ aspect: SINGLE_ASPECT, spec: RATING }],
  countsHaveAspect: false,
  levelAliases: [['satisfied'], ['basically satisfied'], ['dissatisfied'], ['unaware']],
};

export const APPRAISAL_LAYOUT: BallotLayout = {
  kind: 'appraisal',
  label: '民主评议',
  target: 'member',
  groups: 'none',
  aspects: [{ aspect: SINGLE_ASPECT, spec: RATING }],
  countsHaveAspect: false,
  levelAliases: [['excellent'], ['qualified'], ['basically qualified'], ['unqualified']],
};

/** What the readers share: the branch ids, the members (民主评议) and where issues go. */
export interface BallotContext {
  readonly branchIds: BranchIds;
  readonly members: MemberRegistry;
  readonly issues: Issue[];
}

/** The columns both forms start with: target, and for members 姓名 and 支部编号; the group when the kind has one. */
function keyColumns(layout: BallotLayout): ColumnSpec<string>[] {
  const cols = layout.target === 'branch' ? [BRANCH] : [MEMBER, NAME, BRANCH];
  if (layout.groups !== 'none') cols.push(GROUP);
  return cols;
}

/** A row's key cells, read and checked; one object per sheet, refilled for each row. */
interface RowKey {
  target: string;
  group: string;
}

/** The column indexes of the key columns of a read table. */
interface KeyCols {
  readonly target: number;
  readonly branch: number;
  readonly name: number | undefined;
  readonly group: number | undefined;
  readonly members: MemberColumns;
}

function keyCols(layout: BallotLayout, columns: ReadonlyMap<string, number>): KeyCols {
  const branch = columns.get('branch') ?? 0;
  const target = layout.target === 'branch' ? branch : (columns.get('member') ?? 0);
  const name = columns.get('name');
  return { target, branch, name, group: columns.get('group'), members: { id: target, name, branch } };
}

/**
 * Read and check a row's key cells into `key`; true when the row can count. Blank target → KEY_MISSING;
 * unknown 支部编号 → BRANCH_UNKNOWN (for members, a blank 支部编号 → REQUIRED_MISSING); a bad group → its
 * issue. Members are recorded only for rows that count.
 */
function readKey(ctx: ReadContext, bc: BallotContext, layout: BallotLayout, cols: KeyCols, row: number, key: RowKey): boolean {
  const targetHeader = layout.target === 'branch' ? BRANCH.header : MEMBER.header;
  const target = requiredKey(ctx, readId(ctx, row, cols.target, targetHeader), row, cols.target, targetHeader);
  let branchOk: boolean;
  let branch = '';
  let name = '';
  if (layout.target === 'branch') {
    branchOk = target.ok && checkBranchId(ctx, bc.branchIds, target.value, row, cols.target);
  } else {
    const b = required(ctx, readId(ctx, row, cols.branch, BRANCH.header), row, cols.branch, BRANCH.header);
    branchOk = b.ok && checkBranchId(ctx, bc.branchIds, b.value, row, cols.branch);
    if (b.ok) branch = b.value;
    const n = readText(ctx, row, cols.name, NAME.header);
    if (n.ok) name = n.value;
  }
  const group = layout.groups === 'none' ? NO_GROUP : readGroup(ctx, row, cols.group, layout.groups === 'closed');
  if (!target.ok || !branchOk || group === undefined) return false;
  key.target = target.value;
  key.group = group;
  if (layout.target === 'member') bc.members.note(target.value, name, branch, ctx.sheet.name, row, cols.members);
  return true;
}

/**
 * Read a long-form sheet into `builder`. Each counted row adds 1 to its group's rows and one ballot per
 * aspect (a level or 废票). With a 评议人 column, the same rater (normalised) twice for one target →
 * BALLOT_RATER_DUPLICATE on the later 评议人 cell, naming the first row's cell (never the rater), and the
 * later ballot is not counted at all. Duplicates are per target across groups: one person, one ballot.
 */
export function readLongForm(sheet: RawSheet, layout: BallotLayout, builder: TallyBuilder, bc: BallotContext): void {
  const specs = [...keyColumns(layout), RATER, ...layout.aspects.map((a) => a.spec)];
  const table = readTable(sheet, specs, bc.issues);
  if (!table || !table.complete) return;
  const ctx: ReadContext = { sheet, issues: bc.issues };
  const cols = keyCols(layout, table.columns);
  const raterCol = table.columns.get(RATER.key);
  const aspects = layout.aspects.map((a) => ({ aspect: a.aspect, header: a.spec.header, col: table.columns.get(a.spec.key) ?? 0 }));
  const raters = new RaterCheck();
  const levels: Level[] = new Array<Level>(aspects.length);

  const key: RowKey = { target: '', group: '' };

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const ok = readKey(ctx, bc, layout, cols, row, key);
    const rater = readText(ctx, row, raterCol, RATER.header);
    for (let i = 0; i < aspects.length; i++) {
      const a = aspects[i]!;
      levels[i] = readLevel(ctx, layout.kind, row, a.col, a.header);
    }
    if (!ok) continue;
    if (rater.ok && raterCol !== undefined) {
      const first = raters.firstRow(key.target, rater.value, row);
      if (first !== row) {
        bc.issues.push(issue('BALLOT_RATER_DUPLICATE', ref(ctx, row, raterCol), { target: key.target, first: a1({ sheet: sheet.name, row: first, col: raterCol }) }));
        continue;
      }
    }
    builder.addRow(key.target, key.group);
    for (let i = 0; i < aspects.length; i++) builder.addBallot(key.target, key.group, aspects[i]!.aspect, levels[i] ?? 'invalid');
  }
}

/**
 * Which row first gave each (target, 评议人) pair. Targets and raters (normalised, `张三 ` = `张三`) are
 * numbered, and the pair becomes one number (Szudzik's pairing: exact, and a small integer below 32,768
 * targets and raters), so ~142k 民主评议 ballots with raters cost one numeric Map entry each, not a
 * Map per target or a key string per ballot.
 */
class RaterCheck {
  private readonly targets = new Map<string, number>();
  private readonly raters = new Map<string, number>();
  /** Rater text as typed → its number, so each distinct spelling is normalised once. */
  private readonly typed = new Map<string, number>();
  private readonly first = new Map<number, number>();

  /** The row of the pair's first ballot; `row` itself when this is the first. */
  firstRow(target: string, rater: string, row: number): number {
    const t = intern(this.targets, target);
    let r = this.typed.get(rater);
    if (r === undefined) {
      r = intern(this.raters, normName(rater));
      this.typed.set(rater, r);
    }
    const key = t >= r ? t * t + t + r : r * r + t;
    const first = this.first.get(key);
    if (first !== undefined) return first;
    this.first.set(key, row);
    return row;
  }
}

function intern(map: Map<string, number>, s: string): number {
  let v = map.get(s);
  if (v === undefined) {
    v = map.size;
    map.set(s, v);
  }
  return v;
}

/** A (target, group, aspect) a 计票 sheet gave, with its first row's target cell (BALLOT_FORMS_OVERLAP). */
export interface CountedKey {
  readonly target: string;
  readonly group: string;
  readonly aspect: string;
  readonly at: CellRef;
}

/** 方面 text (normalised) → aspect; the English names match the long form's column aliases. */
const ASPECTS_BY_NAME: ReadonlyMap<string, string> = new Map([
  ['党建', '党建'],
  ['业务', '业务'],
  ['party work', '党建'],
  ['professional work', '业务'],
]);

/**
 * Read a 计票 sheet into `builder`: each counted row adds its counts (blank = 0; a bad count is not
 * added, the others are) to levels and their sum to `precounted`. Returns the keys it counted, first
 * occurrence each, in row order. A 计票 sheet needs at least one level column; any missing one is 0.
 */
export function readCountsForm(sheet: RawSheet, layout: BallotLayout, builder: TallyBuilder, bc: BallotContext): CountedKey[] {
  const names = BALLOT_LEVELS[layout.kind];
  const levelSpecs: ColumnSpec<string>[] = names.map((h, i) => ({ key: `count:${i}`, header: h, aliases: layout.levelAliases[i] ?? [] }));
  const specs = [...keyColumns(layout), ...(layout.countsHaveAspect ? [ASPECT] : []), ...levelSpecs];
  const table = readTable(sheet, specs, bc.issues);
  if (!table) return [];
  const levelCols = levelSpecs.map((s) => table.columns.get(s.key));
  if (levelCols.every((c) => c === undefined)) {
    for (const s of levelSpecs) bc.issues.push(issue('COLUMN_MISSING', { sheet: sheet.name, row: table.headerRow }, { column: s.header }));
    return [];
  }
  if (!table.complete) return [];
  const ctx: ReadContext = { sheet, issues: bc.issues };
  const cols = keyCols(layout, table.columns);
  const aspectCol = table.columns.get(ASPECT.key);
  const firstAt = new Map<string, CountedKey>();
  const counts = new Array<number>(names.length);

  const key: RowKey = { target: '', group: '' };

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const ok = readKey(ctx, bc, layout, cols, row, key);
    let aspect: string | undefined = SINGLE_ASPECT;
    if (layout.countsHaveAspect) aspect = readAspect(ctx, row, aspectCol ?? 0);
    for (let i = 0; i < names.length; i++) counts[i] = readBallotCount(ctx, row, levelCols[i], names[i] ?? '') ?? 0;
    if (!ok || aspect === undefined) continue;
    builder.addCounts(key.target, key.group, aspect, counts);
    const k = `${key.target}\u0001${key.group}\u0001${aspect}`;
    if (!firstAt.has(k)) firstAt.set(k, { target: key.target, group: key.group, aspect, at: ref(ctx, row, cols.target) });
  }
  return [...firstAt.values()];
}

/** 方面: 党建 or 业务; blank → REQUIRED_MISSING, other text → VALUE_NOT_ALLOWED (undefined: row not counted). */
function readAspect(ctx: ReadContext, row: number, col: number): string | undefined {
  const r = required(ctx, readText(ctx, row, col, ASPECT.header), row, col, ASPECT.header);
  if (!r.ok) return undefined;
  const aspect = ASPECTS_BY_NAME.get(normName(r.value));
  if (aspect === undefined) {
    ctx.issues.push(issue('VALUE_NOT_ALLOWED', ref(ctx, row, col), { value: r.value, column: ASPECT.header, allowed: REVIEW_ASPECTS.join('/') }));
  }
  return aspect;
}

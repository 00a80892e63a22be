/**
 * A small fixture builder for compute tests: Model objects built directly, without parse.
 * Cells are placed like a real workbook would (header on row 0, data from row 1) so that issue
 * locations can be asserted.
 */
import type { AspectCounts, BallotKind, Ballots, GroupTally, Member, Tally, TargetTally } from '../../../engine/ballots';
import type { CompiledFormula } from '../../../engine/formula/types';
import type { CellRef } from '../../../engine/location';
import { NO_BALLOTS, type BallotMeasures, type Branch, type Effect, type Indicator, type LedgerRow, type Method, type Model, type Score, type Veto } from '../../../engine/model';
import { DEFAULTS, type Settings } from '../../../engine/settings';

export interface BranchSpec {
  readonly id: string;
  readonly name?: string;
  readonly unit?: string;
  readonly members?: number | null;
  readonly groups?: number;
  readonly months?: number;
  readonly previous?: number | null;
}

export interface IndicatorSpec {
  readonly id: string;
  readonly dimension?: string;
  readonly points?: number;
  readonly method?: Method;
  readonly formula?: CompiledFormula | null;
  readonly alert?: number;
  readonly veto?: Effect | null;
  readonly advice?: string | null;
  readonly item?: string | null;
  readonly group?: string | null;
}

export interface ScoreSpec {
  readonly branch: string;
  readonly indicator: string;
  readonly rater: string;
  readonly value: number;
  readonly role?: string;
}

export interface VetoSpec {
  readonly branch: string;
  readonly matter: string;
  readonly effect: Effect;
  readonly weak?: boolean;
}

export interface ModelSpec {
  readonly branches: readonly (BranchSpec | string)[];
  readonly indicators?: readonly IndicatorSpec[];
  readonly scores?: readonly ScoreSpec[];
  /** Ledger columns and rows (a null cell is a blank cell); omit for no 台账 sheet. */
  readonly ledger?: { readonly columns: readonly string[]; readonly rows: Readonly<Record<string, Readonly<Record<string, number | null>>>> };
  readonly vetoes?: readonly VetoSpec[];
  readonly settings?: Partial<Settings>;
  readonly measures?: Readonly<Record<string, BallotMeasures>>;
  readonly wideBlanks?: readonly { readonly branch: string; readonly indicator: string; readonly cells: readonly CellRef[] }[];
  readonly rubricAvailable?: boolean;
  /** Ballot tallies and members; the rest of NO_BALLOTS stays. */
  readonly ballots?: Partial<Ballots>;
}

export const BRANCH_SHEET = '支部';
export const RUBRIC_SHEET = '指标';
export const SCORE_SHEET = '评分';
export const LEDGER_SHEET = '台账';
export const VETO_SHEET = '否决';
/** 台账公式 column in the built 指标 sheet. */
export const FORMULA_COL = 6;

/** The 支部编号 cell of the i-th branch (0-based data row). */
export function branchCell(i: number): CellRef {
  return { sheet: BRANCH_SHEET, row: i + 1, col: 0 };
}

/** The ledger cell of branch row i, column j (0-based; 支部编号 is column 0). */
export function ledgerCell(i: number, j: number): CellRef {
  return { sheet: LEDGER_SHEET, row: i + 1, col: j + 1 };
}

export const force = (grade: number): Effect => ({ kind: 'force', grade });
export const cap = (grade: number): Effect => ({ kind: 'cap', grade });

/** A rater score; role 上级 unless given. */
export function sc(branch: string, indicator: string, rater: string, value: number, role = '上级'): ScoreSpec {
  return { branch, indicator, rater, value, role };
}

/** A hand-built CompiledFormula: `fn` reads variables through `v`, which throws on a name not declared. */
export function formula(source: string, names: readonly string[], fn: (v: (name: string) => number) => number): CompiledFormula {
  return {
    source,
    names,
    evaluate(vars) {
      return fn((name) => {
        const x = vars.get(name);
        if (x === undefined || !names.includes(name)) throw new Error(`undeclared ${name}`);
        return x;
      });
    },
  };
}

/** One score per (branch, indicator) from a single 上级 rater, value chosen by `value`. */
export function fill(
  branches: readonly string[],
  indicators: readonly IndicatorSpec[],
  value: (branch: string, ind: IndicatorSpec) => number,
  rater = '甲',
): ScoreSpec[] {
  const out: ScoreSpec[] = [];
  for (const b of branches) for (const ind of indicators) if ((ind.method ?? 'score') === 'score') out.push(sc(b, ind.id, rater, value(b, ind)));
  return out;
}

export function buildModel(spec: ModelSpec): Model {
  const settings: Settings = { ...DEFAULTS, ...spec.settings };
  const branches: Branch[] = spec.branches.map((b, i) => {
    const s: BranchSpec = typeof b === 'string' ? { id: b } : b;
    return {
      id: s.id,
      name: s.name ?? `支部${s.id}`,
      unit: s.unit ?? '未分组',
      type: null,
      secretary: null,
      members: s.members ?? null,
      groups: s.groups ?? 0,
      months: s.months ?? 12,
      previous: s.previous ?? null,
      at: branchCell(i),
    };
  });
  const indicators: Indicator[] = (spec.indicators ?? []).map((s, i) => ({
    id: s.id,
    dimension: s.dimension ?? '组织队伍强',
    group: s.group ?? null,
    item: s.item ?? null,
    points: s.points ?? 10,
    method: s.method ?? 'score',
    formula: s.formula ?? null,
    alert: s.alert ?? settings.alertRatio,
    veto: s.veto ?? null,
    advice: s.advice ?? null,
    at: { sheet: RUBRIC_SHEET, row: i + 1, col: 0 },
    formulaAt: (s.method ?? 'score') === 'ledger' ? { sheet: RUBRIC_SHEET, row: i + 1, col: FORMULA_COL } : null,
  }));
  const scores: Score[] = (spec.scores ?? []).map((s, i) => ({
    branch: s.branch,
    indicator: s.indicator,
    rater: s.rater,
    role: s.role ?? '上级',
    value: s.value,
    at: { sheet: SCORE_SHEET, row: i + 1, col: 5 },
  }));
  let ledger: Model['ledger'] = null;
  if (spec.ledger) {
    const { columns } = spec.ledger;
    const rows = new Map<string, LedgerRow>();
    Object.entries(spec.ledger.rows).forEach(([branch, cellsByName], i) => {
      const values = new Map<string, number>();
      const cells = new Map<string, CellRef>();
      columns.forEach((c, j) => {
        cells.set(c, ledgerCell(i, j));
        const v = cellsByName[c];
        if (typeof v === 'number') values.set(c, v);
      });
      rows.set(branch, { branch, values, cells, at: { sheet: LEDGER_SHEET, row: i + 1, col: 0 } });
    });
    ledger = { columns, rows, sheet: LEDGER_SHEET };
  }
  const vetoes: Veto[] = (spec.vetoes ?? []).map((v, i) => ({
    branch: v.branch,
    matter: v.matter,
    effect: v.effect,
    weak: v.weak ?? false,
    note: null,
    at: { sheet: VETO_SHEET, row: i + 1, col: 0 },
  }));
  const wideBlanks = new Map<string, readonly CellRef[]>();
  for (const w of spec.wideBlanks ?? []) wideBlanks.set(`${w.branch}\u0001${w.indicator}`, w.cells);
  return {
    settings,
    branches,
    indicators,
    rubricAvailable: spec.rubricAvailable ?? true,
    scores,
    wideBlanks,
    ledger,
    vetoes,
    measures: new Map(Object.entries(spec.measures ?? {})),
    ballots: { ...NO_BALLOTS, ...spec.ballots },
  };
}

/** A one-indicator rubric (分值 100, one 上级 rater, weight 1): 总分 = the given score. */
export function byTotals(totals: Readonly<Record<string, number>>, extra: Partial<ModelSpec> = {}): Model {
  const ids = Object.keys(totals);
  return buildModel({
    branches: ids,
    indicators: [{ id: '1.1', points: 100 }],
    scores: ids.map((id) => sc(id, '1.1', '甲', totals[id] ?? 0)),
    ...extra,
    settings: { roleWeights: new Map([['上级', 1]]), ...extra.settings },
  });
}

/** Counts of one (target, group, aspect): valid counts per level, plus 废票 and the 计票 part when given. */
export interface CountsSpec {
  readonly levels: readonly number[];
  readonly invalid?: number;
  readonly precounted?: number;
}

/**
 * A hand-built Tally: target → group → aspect → counts (a plain array is long-form valid votes).
 * A group's long-form rows are what its aspects imply: max over aspects of Σ levels + 废票 − 计票 part.
 * `tally('review', { A: { 党员: { 党建: [3, 1, 1, 0], 业务: [2, 2, 1, 0] } } })`.
 */
export function tally(
  kind: BallotKind,
  targets: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, readonly number[] | CountsSpec>>>>>>,
): Tally {
  const out = new Map<string, TargetTally>();
  for (const [target, groups] of Object.entries(targets)) {
    const groupMap = new Map<string, GroupTally>();
    for (const [group, aspects] of Object.entries(groups)) {
      const aspectMap = new Map<string, AspectCounts>();
      let rows = 0;
      for (const [aspect, spec] of Object.entries(aspects)) {
        const c: CountsSpec = Array.isArray(spec) ? { levels: spec as readonly number[] } : (spec as CountsSpec);
        const counts: AspectCounts = { levels: [...c.levels], invalid: c.invalid ?? 0, precounted: c.precounted ?? 0 };
        aspectMap.set(aspect, counts);
        rows = Math.max(rows, counts.levels.reduce((a, b) => a + b, 0) + counts.invalid - counts.precounted);
      }
      groupMap.set(group, { rows, aspects: aspectMap });
    }
    out.set(target, { groups: groupMap });
  }
  return { kind, targets: out };
}

/** A 民主评议 member, named on row i + 1 of 民主评议. */
export function member(id: string, branch: string, i = 0): Member {
  return { id, name: `党员${id}`, branch, at: { sheet: '民主评议', row: i + 1, col: 0 } };
}

/** Members keyed by id, in the order given. */
export function members(list: readonly Member[]): Map<string, Member> {
  return new Map(list.map((m) => [m.id, m]));
}

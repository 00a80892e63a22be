/** Small builders for emit tests: Model, BranchResult, Gap, Issue and ballot values without parse or compute. */
import type { BallotKind, Ballots, LevelStats } from '../../../engine/ballots';
import { NO_BALLOTS, type Branch, type Indicator, type Method, type Model } from '../../../engine/model';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import type { RawSheet, Scalar } from '../../../engine/raw';
import type { BranchResult, DimensionResult, Gap, GapType } from '../../../engine/results';
import { DEFAULTS, type Settings } from '../../../engine/settings';

export function branch(id: string, over: Partial<Branch> = {}): Branch {
  return {
    id,
    name: `${id}支部`,
    unit: '机关党委',
    type: null,
    secretary: null,
    members: null,
    groups: 0,
    months: 12,
    previous: null,
    at: { sheet: '支部', row: 1, col: 0 },
    ...over,
  };
}

export function indicator(id: string, dimension: string, points: number, method: Method = 'score'): Indicator {
  return {
    id,
    dimension,
    group: null,
    item: null,
    points,
    method,
    formula: null,
    alert: 0.6,
    veto: null,
    advice: null,
    at: { sheet: '指标', row: 1, col: 0 },
    formulaAt: null,
  };
}

export function model(branches: readonly Branch[], indicators: readonly Indicator[] = [], settings: Partial<Settings> = {}): Model {
  return {
    settings: { ...DEFAULTS, ...settings },
    branches,
    indicators,
    rubricAvailable: indicators.length > 0,
    scores: [],
    wideBlanks: new Map(),
    ledger: null,
    vetoes: [],
    measures: new Map(),
    ballots: NO_BALLOTS,
  };
}

/** The model with the given ballot kinds present (empty tallies: emit reads the results, not the tallies). */
export function withBallots(m: Model, kinds: readonly BallotKind[], over: Partial<Ballots> = {}): Model {
  const ballots: Ballots = { ...m.ballots, ...over };
  const present = (k: BallotKind) => (kinds.includes(k) ? { kind: k, targets: new Map() } : null);
  return { ...m, ballots: { ...ballots, review: present('review'), satisfaction: present('satisfaction'), appraisal: present('appraisal') } };
}

/** Counts per level; 有效票 is their sum unless given (满意度 leaves 不了解 out). */
export function stats(levels: readonly number[], invalid = 0, valid = levels.reduce((a, b) => a + b, 0)): LevelStats {
  return { levels, valid, invalid };
}

export function dim(name: string, points: number, score: number | null, strong: boolean | null = null): DimensionResult {
  return { name, points, score, rate: score === null ? null : score / points, strong };
}

/** A graded branch by default; pass grade: null (and missing) for 未评定. */
export function result(b: Branch, over: Partial<BranchResult> = {}): BranchResult {
  return {
    branch: b,
    indicatorScores: new Map(),
    missing: [],
    dimensions: [],
    bonus: 0,
    deduction: 0,
    percent: 80,
    total: 80,
    rank: 1,
    unitRank: 1,
    strongCount: 0,
    allStrong: false,
    satisfaction: null,
    goodRate: null,
    baseGrade: 1,
    grade: 1,
    reasons: [],
    vetoed: false,
    weak: false,
    redFlag: false,
    redFlagFailures: [],
    consecutivePoor: false,
    ...over,
  };
}

export function unrated(b: Branch, over: Partial<BranchResult> = {}): BranchResult {
  return result(b, {
    percent: null,
    total: null,
    rank: null,
    unitRank: null,
    strongCount: null,
    allStrong: null,
    baseGrade: null,
    grade: null,
    redFlagFailures: [{ kind: 'unrated' }],
    ...over,
  });
}

export function gap(branchId: string, type: GapType, item: string, over: Partial<Gap> = {}): Gap {
  return { branch: branchId, type, item, unit: 'none', standard: null, actual: null, diff: null, advice: null, detail: '', ...over };
}

/** Index of a column by header; throws so that a typo fails the test loudly. */
export function col(sheet: OutputSheet, header: string): number {
  const i = sheet.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header} in ${sheet.name}`);
  return i;
}

/** The value of one cell by row index and header. */
export function cell(sheet: OutputSheet, row: number, header: string): OutputValue {
  const r = sheet.rows[row];
  if (r === undefined) throw new Error(`no row ${row} in ${sheet.name}`);
  return r[col(sheet, header)] ?? null;
}

/** A whole column's values. */
export function column(sheet: OutputSheet, header: string): OutputValue[] {
  const c = col(sheet, header);
  return sheet.rows.map((r) => r[c] ?? null);
}

/** Row as a header → value record (for readable assertions). */
export function record(sheet: OutputSheet, row: number): Record<string, OutputValue> {
  const r = sheet.rows[row] ?? [];
  return Object.fromEntries(sheet.columns.map((c, i) => [c.header, r[i] ?? null]));
}

/** The sheet as an adapter would read it back from the workbook: header row then rows. */
export function asRaw(sheet: OutputSheet, offset = 0): RawSheet {
  const blank: Scalar[][] = Array.from({ length: offset }, () => []);
  return { name: sheet.name, cells: [...blank, sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => [...r])] };
}

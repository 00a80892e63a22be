/**
 * A realistic filled workbook for demos, tests and the benchmark: the template's sheets with a
 * roster, every rater's scores, ledger counts, vetoes, ballots (ballots.ts) and a few non-default
 * 参数. Pure and deterministic for a seed; linear in branches × raters × indicators and in ballots
 * (one pass, flat arrays).
 */
import type { OutputSheet, OutputValue } from '../output';
import type { SettingKey } from '../settings';
import { sampleBallotSheets, type BallotForms } from './ballots';
import { personName, buildRoster, type SampleBranch } from './roster';
import { createRandom, type Random } from './random';
import { DEFAULT_RUBRIC, type RubricRow } from './rubric';
import { guideSheet } from './ballotSheets';
import { branchSheet, ledgerColumns, ledgerSheet, ratedRows, rubricSheet, scoreSheet, settingsSheet, vetoSheet, wideFormSheet } from './sheets';
import type { TemplateLocale } from './settingsText';

export interface SampleOptions {
  /** Number of branches (支部). */
  readonly branches: number;
  /** Secondary units (所属党委); default 29, capped by `branches`. */
  readonly units?: number;
  /** Upper-level raters (评分人类别 上级); default 6. */
  readonly upperRaters?: number;
  /** Add a 自评 by each branch secretary; default true. */
  readonly selfRating?: boolean;
  /** Upper raters' scores as one 评分-<rater> sheet each (wide, default) or as rows of 评分 (long). */
  readonly form?: 'wide' | 'long';
  /** PRNG seed; default 20261121. */
  readonly seed?: number;
  /** 评定年度; default '2026'. */
  readonly year?: string;
  /** Language of the instruction lines, 参数 说明 and 填表说明; default zh-CN. */
  readonly locale?: TemplateLocale;
  /**
   * Add 双述双评, 满意度 and 民主评议 ballots (about 30, 50 and 25 × 党员人数 per branch); default true.
   * Without them the workbook has no ballot sheet at all (as a workbook from before issue #3).
   */
  readonly ballots?: boolean;
  /** The form of each ballot kind: long (one row per ballot, default) or counted (`…计票`). */
  readonly ballotForms?: BallotForms;
}

export const DEFAULT_SEED = 20261121;

const GRADES = ['好', '较好', '一般', '较差'] as const;

/** A rater and the flat score matrix [branch × rated indicator] they filled; NaN = left blank. */
interface RaterScores {
  readonly name: string;
  readonly role: '上级' | '自评';
  readonly values: Float64Array;
}

/** Round the way people write scores: to halves or to one decimal, inside [0, points]. */
function writeScore(x: number, points: number, halves: boolean): number {
  const clamped = Math.min(points, Math.max(0, x));
  return halves ? Math.round(clamped * 2) / 2 : Math.round(clamped * 10) / 10;
}

/**
 * Bonus (加分) and deduction (扣分) values per branch: a few good branches earn bonus points, a few
 * weak ones lose some. Every rater writes the same value (they are facts, not judgements).
 */
function bonusAndDeductions(branches: readonly SampleBranch[], rated: readonly RubricRow[], rnd: Random): Float64Array {
  const values = new Float64Array(branches.length * rated.length).fill(NaN);
  branches.forEach((b, i) => {
    rated.forEach((r, k) => {
      let v = NaN;
      if (r.method === '加分' && rnd.chance(b.quality > 0.92 ? 0.12 : 0.03)) {
        v = r.id === '7.1' ? rnd.int(1, 3) : rnd.int(1, Math.max(1, Math.floor(r.points)));
      } else if (r.method === '扣分' && rnd.chance(b.quality < 0.7 ? 0.15 : 0.01)) {
        v = r.id === '8.1' ? 2.5 : r.id === '8.2' ? 1.5 : rnd.chance(0.5) ? 0.5 : 1;
      }
      if (!Number.isNaN(v)) values[i * rated.length + k] = Math.min(v, r.points);
    });
  });
  return values;
}

/**
 * Every rater's scores. The score of a 评分 indicator is 分值 × (quality + the branch's dimension
 * offset + an indicator offset + the rater's leniency + noise), clamped and rounded; 自评 is a
 * little optimistic. Fact-based 加分/扣分 come from `facts`.
 */
function rateAll(
  branches: readonly SampleBranch[],
  rated: readonly RubricRow[],
  raterNames: readonly string[],
  selfRating: boolean,
  facts: Float64Array,
  rnd: Random,
): RaterScores[] {
  const nb = branches.length;
  const ni = rated.length;
  const dims = [...new Set(rated.map((r) => r.dimension))];
  const dimOf = rated.map((r) => dims.indexOf(r.dimension));
  // The branch's true level per indicator, shared by every rater.
  const truth = new Float64Array(nb * ni);
  branches.forEach((b, i) => {
    const dimOffset = dims.map(() => rnd.normal(0, 0.035));
    for (let k = 0; k < ni; k++) truth[i * ni + k] = b.quality + (dimOffset[dimOf[k] ?? 0] ?? 0) + rnd.normal(0, 0.03);
  });
  const fill = (name: string, bias: number, noise: number, halves: boolean): RaterScores => {
    const values = new Float64Array(nb * ni).fill(NaN);
    for (let i = 0; i < nb; i++) {
      for (let k = 0; k < ni; k++) {
        const r = rated[k];
        if (r === undefined) continue;
        const at = i * ni + k;
        values[at] = r.method === '评分' ? writeScore(r.points * ((truth[at] ?? 0) + bias + rnd.normal(0, noise)), r.points, halves) : (facts[at] ?? NaN);
      }
    }
    return { name, role: '上级', values };
  };
  const upper = raterNames.map((name, j) => fill(name, rnd.normal(0, 0.015), 0.05, j % 2 === 0));
  if (!selfRating) return upper;
  // One 自评 matrix per branch would be nb × nb × ni; instead a single matrix keyed by branch,
  // whose rater name is that branch's secretary (the rows are written per branch).
  const self = new Float64Array(nb * ni).fill(NaN);
  for (let i = 0; i < nb; i++) {
    const halves = rnd.chance(0.5);
    for (let k = 0; k < ni; k++) {
      const r = rated[k];
      if (r === undefined) continue;
      const at = i * ni + k;
      self[at] = r.method === '评分' ? writeScore(r.points * ((truth[at] ?? 0) + 0.03 + rnd.normal(0, 0.04)), r.points, halves) : (facts[at] ?? NaN);
    }
  }
  return [...upper, { name: '', role: '自评', values: self }];
}

/**
 * One ledger row: meeting counts per column. Most branches meet the pro-rated minimums; weak ones
 * fall short more often; 组织生活会 and 民主评议党员 are almost always held.
 */
function ledgerRow(b: SampleBranch, columns: readonly string[], rnd: Random): number[] {
  const yearly = (min: number): number => Math.ceil((min * b.months) / 12);
  const shortP = b.quality < 0.7 ? 0.35 : b.quality < 0.8 ? 0.12 : b.quality < 0.9 ? 0.04 : 0.01;
  return columns.map((c) => {
    if (c === '人均学习学时') {
      const target = (32 * b.months) / 12;
      const f = rnd.chance(shortP) ? 0.6 + rnd.next() * 0.35 : 1 + rnd.next() * 0.5;
      return Math.round(target * f * 10) / 10;
    }
    const min =
      c === '支部党员大会' || c === '党课' ? yearly(4) : c === '支委会' || c === '主题党日' ? yearly(12) : c === '党小组会' ? yearly(12 * b.groups) : 1;
    if (min === 0) return 0;
    const rare = c === '组织生活会' || c === '民主评议党员';
    if (rnd.chance(rare ? (b.quality < 0.7 ? 0.12 : 0.004) : shortP)) return Math.max(0, min - rnd.int(1, Math.max(1, Math.ceil(min / 3))));
    return min + (rnd.chance(0.4) ? rnd.int(1, Math.max(1, Math.ceil(min / 4))) : 0);
  });
}

/** 上年等次 from quality with some drift; branches new this year have none. */
function previousGrade(b: SampleBranch, rnd: Random): string | null {
  if (b.months < 12 || rnd.chance(0.12)) return null;
  const q = b.quality + rnd.normal(0, 0.04);
  return q >= 0.93 ? '好' : q >= 0.83 ? '较好' : q >= 0.66 ? '一般' : '较差';
}

interface VetoRow {
  readonly index: number;
  readonly matter: string;
  readonly effect: string;
  readonly note: string;
}

/**
 * 3–6 否决 rows: a 违纪 force to 较差, a 软弱涣散 cap, a 直接定级 to 好 for a national model
 * branch, and (for larger samples) two more caps. Each on a different branch, chosen by quality.
 */
function pickVetoes(branches: readonly SampleBranch[], rnd: Random): VetoRow[] {
  const byQuality = branches.map((b, i) => ({ i, q: b.quality })).sort((a, b) => a.q - b.q || a.i - b.i);
  const used = new Set<number>();
  const n = byQuality.length;
  // A random unused branch between the lo and hi quantiles of quality, else any unused one.
  const from = (lo: number, hi: number): number | null => {
    const band = byQuality.slice(Math.floor(lo * n), Math.max(Math.floor(hi * n), Math.floor(lo * n) + 1)).filter((x) => !used.has(x.i));
    const pool = band.length > 0 ? band : byQuality.filter((x) => !used.has(x.i));
    if (pool.length === 0) return null;
    const index = rnd.pick(pool).i;
    used.add(index);
    return index;
  };
  const plan: [number, number, string, string, string][] = [
    [0, 0.15, '支部党员受到党内严重警告处分（违纪违规）', '定为较差', '学校纪委通报'],
    [0.2, 0.45, '经排查被列为软弱涣散基层党组织', '最高一般', '整顿期内，由院党委班子成员联系指导'],
    [0.92, 1, '获评全国党建工作样板支部', '定为好', '教育部公布的培育创建单位'],
  ];
  if (n >= 40) plan.push([0.3, 0.7, '党费收缴不规范，被巡察反馈通报', '最高较好', '已限期整改']);
  if (n >= 100) plan.push([0.2, 0.6, '未按期完成支部委员会换届', '最高较好', '']);
  const out: VetoRow[] = [];
  for (const [lo, hi, matter, effect, note] of plan) {
    const index = from(lo, hi);
    if (index !== null) out.push({ index, matter, effect, note });
  }
  return out;
}

/** Upper raters' names: distinct from each other and from every secretary (a name is an identity). */
function upperRaterNames(count: number, secretaries: ReadonlySet<string>, rnd: Random): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = personName(rnd);
    if (!secretaries.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The sample workbook's sheets: 支部, 指标, 评分, 评分-<rater>… (wide form), 台账, 否决, the ballot sheets
 * (双述双评, 满意度, 民主评议 or their 计票 forms), 参数, 填表说明.
 */
export function sampleSheets(options: SampleOptions): OutputSheet[] {
  const count = Math.max(0, Math.floor(options.branches));
  const units = Math.min(count, Math.max(1, Math.floor(options.units ?? 29)));
  const raterCount = Math.max(0, Math.floor(options.upperRaters ?? 6));
  const selfRating = options.selfRating ?? true;
  const form = options.form ?? 'wide';
  const locale = options.locale ?? 'zh-CN';
  const seed = options.seed ?? DEFAULT_SEED;
  const rnd = createRandom(seed);
  const rubric = DEFAULT_RUBRIC;
  const rated = ratedRows(rubric);
  const ni = rated.length;

  const roster = buildRoster(count, units, rnd);
  const branches = roster.branches;
  const previous = branches.map((b) => previousGrade(b, rnd));
  const vetoes = pickVetoes(branches, rnd);
  const facts = bonusAndDeductions(branches, rated, rnd);
  // The 违纪 branch also carries the matching deduction and was 较差 last year (连续较差).
  const discipline = vetoes.find((v) => v.effect === '定为较差');
  const k81 = rated.findIndex((r) => r.id === '8.1');
  if (discipline !== undefined) {
    if (k81 >= 0) facts[discipline.index * ni + k81] = 2.5;
    previous[discipline.index] = GRADES[3];
  }

  const raterNames = upperRaterNames(raterCount, new Set(branches.map((b) => b.secretary)), rnd);
  const scores = rateAll(branches, rated, raterNames, selfRating, facts, rnd);
  const columns = ledgerColumns(rubric);
  const ledger = branches.map((b) => [b.id, b.name, ...ledgerRow(b, columns, rnd)]);

  const branchRows = branches.map((b, i) => [b.id, b.name, b.unit, b.type, b.secretary, b.members, b.groups, b.months, previous[i] ?? null]);

  // 评分: upper raters (long form only), rater by rater, then each secretary's 自评.
  const longRows: OutputValue[][] = [];
  const wide: OutputSheet[] = [];
  scores.forEach((s, j) => {
    const self = s.role === '自评';
    if (!self && form === 'wide') {
      const rows = branches.map((b, i) => {
        const row: OutputValue[] = [b.id, b.name];
        for (let k = 0; k < ni; k++) {
          const v = s.values[i * ni + k] ?? NaN;
          row.push(Number.isNaN(v) ? null : v);
        }
        return row;
      });
      wide.push(wideFormSheet(s.name, s.role, j, rows, rubric, locale));
      return;
    }
    branches.forEach((b, i) => {
      for (let k = 0; k < ni; k++) {
        const v = s.values[i * ni + k] ?? NaN;
        if (!Number.isNaN(v)) longRows.push([b.id, rated[k]?.id ?? '', self ? b.secretary : s.name, s.role, v, null]);
      }
    });
  });

  const vetoRows = vetoes.map((v) => [branches[v.index]?.id ?? '', v.matter, v.effect, v.note === '' ? null : v.note]);

  const overrides: Partial<Record<SettingKey, string | null>> = {
    评定年度: options.year ?? '2026',
    红旗总分线: '92',
    加分上限: '3',
    会议最低次数: '党课=4,主题党日=10',
  };
  // Without 自评 the default weights would warn on every branch that 自评 is missing; a partial
  // map keeps the other defaults (§8 Settings), so 自评 is set to 0 explicitly.
  if (!selfRating) overrides.评分人类别权重 = '上级=1,自评=0';

  return [
    branchSheet(branchRows),
    rubricSheet(rubric),
    scoreSheet(longRows),
    ...wide,
    ledgerSheet(columns, ledger),
    vetoSheet(vetoRows),
    ...((options.ballots ?? true) ? sampleBallotSheets(branches, seed, options.ballotForms, new Set(vetoes.map((v) => v.index))) : []),
    settingsSheet(overrides, locale),
    guideSheet(locale),
  ];
}

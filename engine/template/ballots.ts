/**
 * The sample's ballots (workbook.md §2.7): per branch about 30 双述双评 ballots (上级 ~5, 党员 ~ turnout ×
 * 党员人数, 群众 ~5), about 50 满意度 ballots (党员 and 群众), and every member (党员人数 of them) appraised
 * in 民主评议 by the branch's voting members (~25 ballots each). Levels follow the branch's latent
 * quality; one ballot per kind in every 20 branches is blank or unreadable (废票: warnings, never
 * errors); some use the synonyms 较差 and A–D. Ballots are drawn first as level indexes and only then written in long or 计票 form, so
 * both forms of one seed hold the same valid votes. Linear in ballots; one pass per kind.
 */
import { BALLOT_LEVELS, REVIEW_ASPECTS, type BallotKind } from '../ballots';
import type { OutputSheet, OutputValue } from '../output';
import {
  appraisalCountSheet,
  appraisalSheet,
  reviewCountSheet,
  reviewSheet,
  satisfactionCountSheet,
  satisfactionSheet,
  type BallotForm,
} from './ballotSheets';
import { createRandom, type Random } from './random';
import { personName, type SampleBranch } from './roster';

/** A blank level (废票). */
const BLANK = -1;
/** A level no one can read (废票): the text comes from UNREADABLE_TEXT. */
const UNREADABLE = -2;

/** What people write that is not a level. */
const UNREADABLE_TEXT: Readonly<Record<BallotKind, readonly string[]>> = {
  review: ['√', '中', '？'],
  satisfaction: ['非常满意', '√', '一般'],
  appraisal: ['良好', '√'],
};

/**
 * One 废票 per kind in every 20 branches (none below 20): enough for 数据校验 to show a few dozen
 * warnings at 255 branches, while a small sample (the CLI's tests) stays free of issues.
 */
const BRANCHES_PER_SPOILT = 20;

/** A drawn level index, or BLANK / UNREADABLE. */
type Drawn = number;

/** Where one branch's 废票 goes: the ballot (0-based in the branch's draw order), the aspect, blank or not. */
interface Spoilt {
  readonly ballot: number;
  readonly aspect: number;
  readonly level: Drawn;
  /** Picks the unreadable text. */
  readonly variant: number;
}

/** The branches (indexes) that get a 废票, floor(n / 20) of them, chosen at random. */
function spoiltBranches(n: number, rnd: Random): Set<number> {
  const out = new Set<number>();
  const want = Math.floor(n / BRANCHES_PER_SPOILT);
  while (out.size < want) out.add(rnd.int(0, n - 1));
  return out;
}

/** The 废票 of a branch with `ballots` ballots of `aspects` aspects, or null when the branch has none. */
function spoil(chosen: boolean, ballots: number, aspects: number, rnd: Random): Spoilt | null {
  if (!chosen || ballots === 0) return null;
  return { ballot: rnd.int(0, ballots - 1), aspect: rnd.int(0, aspects - 1), level: rnd.chance(2 / 3) ? BLANK : UNREADABLE, variant: rnd.next() };
}

/** A long-form cell: the level's name, a synonym (`较差`, a letter) or the 废票 text. */
function levelText(kind: BallotKind, d: Drawn, letters: boolean, variant: number): OutputValue {
  if (d === BLANK) return null;
  const names = BALLOT_LEVELS[kind];
  if (d === UNREADABLE) {
    const texts = UNREADABLE_TEXT[kind];
    return texts[Math.floor(variant * texts.length)] ?? null;
  }
  if (letters) return String.fromCharCode(65 + d);
  // About a third of 差 votes are written 较差 (the branch grade's name); both mean the same (§2.7).
  if (kind === 'review' && d === 3 && variant < 0.35) return '较差';
  return names[d] ?? null;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * 双述双评's level from a rater's perceived quality: ≥ 0.82 好, ≥ 0.6 较好, ≥ 0.48 一般, else 差. Raters
 * are kinder than the rubric, so 约谈提醒 (好评率 < 0.7) reaches only the weakest few percent.
 */
function reviewLevel(v: number): number {
  return v >= 0.82 ? 0 : v >= 0.6 ? 1 : v >= 0.48 ? 2 : 3;
}

/** Rater groups of 双述双评: code prefix, ballots, how strict and how noisy. */
interface ReviewGroup {
  readonly name: string;
  readonly prefix: string;
  readonly count: number;
  readonly bias: number;
  readonly noise: number;
}

function reviewGroups(b: SampleBranch, rnd: Random): ReviewGroup[] {
  return [
    // 上级: the unit committee's members, a little stricter and more consistent.
    { name: '上级', prefix: 'S', count: rnd.int(4, 6), bias: -0.02, noise: 0.06 },
    // 党员: the branch's members present at the meeting, at least three quarters (no turnout warning).
    { name: '党员', prefix: 'P', count: Math.max(1, Math.round(b.members * (0.75 + 0.25 * rnd.next()))), bias: 0, noise: 0.08 },
    // 群众: colleagues or students invited to the meeting.
    { name: '群众', prefix: 'Q', count: rnd.int(3, 7), bias: 0, noise: 0.1 },
  ];
}

/** Counts per (group, aspect, level) for the 计票 form. */
type ReviewCounts = Map<string, number[][]>;

/** 双述双评 of every branch, long form or 计票. */
function reviewBallots(branches: readonly SampleBranch[], form: BallotForm, rnd: Random): OutputSheet {
  const rows: OutputValue[][] = [];
  const spoilt = spoiltBranches(branches.length, rnd);
  branches.forEach((b, index) => {
    // The secretary's party work and professional work, each a little apart from the branch.
    const aspects = [b.quality + rnd.normal(0, 0.04), b.quality + rnd.normal(0, 0.05)];
    // A few branches collected ballots with an online form that exports A–D.
    const letters = rnd.chance(0.03);
    const groups = reviewGroups(b, rnd);
    const bad = spoil(spoilt.has(index), groups.reduce((n, g) => n + g.count, 0), aspects.length, rnd);
    const counts: ReviewCounts = new Map();
    let ballot = 0;
    for (const g of groups) {
      const width = g.prefix === 'P' ? 3 : 2;
      const perAspect = REVIEW_ASPECTS.map(() => [0, 0, 0, 0]);
      counts.set(g.name, perAspect);
      for (let k = 1; k <= g.count; k++, ballot++) {
        const drawn = aspects.map((a, i) => {
          const level = reviewLevel(a + g.bias + rnd.normal(0, g.noise));
          return bad !== null && bad.ballot === ballot && bad.aspect === i ? bad.level : level;
        });
        const variants = [rnd.next(), rnd.next()];
        drawn.forEach((d, i) => {
          const c = perAspect[i];
          if (d >= 0 && c) c[d] = (c[d] ?? 0) + 1;
        });
        if (form === 'long') {
          rows.push([b.id, g.name, `${g.prefix}${pad(k, width)}`, ...drawn.map((d, i) => levelText('review', d, letters, variants[i] ?? 0))]);
        }
      }
    }
    if (form === 'counted') {
      for (const [group, perAspect] of counts) {
        REVIEW_ASPECTS.forEach((aspect, i) => rows.push([b.id, group, aspect, ...(perAspect[i] ?? [])]));
      }
    }
  });
  return form === 'long' ? reviewSheet(rows) : reviewCountSheet(rows);
}

/**
 * 满意度 of every branch. 不满意's share grows as the branch weakens (0.01 for a good branch, ~0.15 for
 * the weakest); a few discontented branches of any quality land between 0.10 and 0.22 (满意率 below
 * 封顶线 0.9, so the cap bites), and `collapse` (one branch, when given) near 0.65 (满意率 below 否决线 0.5).
 */
function satisfactionBallots(branches: readonly SampleBranch[], form: BallotForm, collapse: number, rnd: Random): OutputSheet {
  const rows: OutputValue[][] = [];
  const spoilt = spoiltBranches(branches.length, rnd);
  branches.forEach((b, index) => {
    const sat = b.quality + rnd.normal(0, 0.04);
    const discontent = rnd.chance(0.015);
    const unhappy = index === collapse ? 0.62 + 0.08 * rnd.next() : discontent ? 0.1 + 0.12 * rnd.next() : 0.01 + Math.max(0, 0.75 - sat) * 0.6;
    // Among the satisfied, the better the branch the more say 满意 rather than 基本满意.
    const delighted = clamp((sat - 0.55) * 1.6, 0.2, 0.85);
    const letters = rnd.chance(0.03);
    const members = Math.max(1, Math.round(b.members * (0.7 + 0.3 * rnd.next())));
    const groups = [
      { name: '党员', count: members, unknown: 0.01 },
      { name: '群众', count: Math.max(8, Math.round(50 - members + rnd.normal(0, 4))), unknown: 0.07 },
    ];
    const bad = spoil(spoilt.has(index), groups.reduce((n, g) => n + g.count, 0), 1, rnd);
    let ballot = 0;
    for (const g of groups) {
      const c = [0, 0, 0, 0];
      for (let k = 0; k < g.count; k++, ballot++) {
        const level = rnd.next() < g.unknown ? 3 : rnd.next() < unhappy ? 2 : rnd.next() < delighted ? 0 : 1;
        const d = bad !== null && bad.ballot === ballot ? bad.level : level;
        const variant = rnd.next();
        if (d >= 0) c[d] = (c[d] ?? 0) + 1;
        if (form === 'long') rows.push([b.id, g.name, levelText('satisfaction', d, letters, variant)]);
      }
      if (form === 'counted') rows.push([b.id, g.name, ...c]);
    }
  });
  return form === 'long' ? satisfactionSheet(rows) : satisfactionCountSheet(rows);
}

/**
 * Each member's chances per ballot: most are 合格 with some 优秀 votes; a standout share (more in
 * better branches) gets a majority of 优秀; a few struggle (基本合格) and very few fail (不合格).
 */
function memberOdds(quality: number, rnd: Random): { excellent: number; basic: number; fail: number } {
  const r = rnd.next();
  const standout = clamp(0.16 + (quality - 0.84) * 0.6, 0.05, 0.3);
  if (r < 0.004) return { excellent: 0, basic: 0.2, fail: 0.35 + 0.25 * rnd.next() };
  if (r < 0.03) return { excellent: 0.02, basic: 0.25 + 0.3 * rnd.next(), fail: 0.03 };
  if (r < 0.03 + standout) return { excellent: 0.55 + 0.3 * rnd.next(), basic: 0.005, fail: 0 };
  return { excellent: 0.03 + 0.27 * rnd.next(), basic: 0.01, fail: 0.002 };
}

/** 民主评议 of every member (党员人数 per branch), appraised by the branch's voting members. */
function appraisalBallots(branches: readonly SampleBranch[], form: BallotForm, rnd: Random): OutputSheet {
  const rows: OutputValue[][] = [];
  const spoilt = spoiltBranches(branches.length, rnd);
  branches.forEach((b, index) => {
    const voters = Math.max(1, Math.round(b.members * (0.88 + 0.12 * rnd.next())));
    const width = Math.max(2, String(b.members).length);
    const bad = spoil(spoilt.has(index), voters * b.members, 1, rnd);
    let ballot = 0;
    for (let m = 1; m <= b.members; m++) {
      const id = `${b.id}-${pad(m, width)}`;
      const name = personName(rnd);
      const odds = memberOdds(b.quality, rnd);
      const c = [0, 0, 0, 0];
      for (let k = 0; k < voters; k++, ballot++) {
        const u = rnd.next();
        const level = u < odds.fail ? 3 : u < odds.fail + odds.basic ? 2 : u < odds.fail + odds.basic + odds.excellent ? 0 : 1;
        const d = bad !== null && bad.ballot === ballot ? bad.level : level;
        if (d >= 0) c[d] = (c[d] ?? 0) + 1;
        if (form === 'long') rows.push([id, name, b.id, levelText('appraisal', d, false, bad?.variant ?? 0)]);
      }
      if (form === 'counted') rows.push([id, name, b.id, ...c]);
    }
  });
  return form === 'long' ? appraisalSheet(rows) : appraisalCountSheet(rows);
}

/** The form of each ballot kind (long unless given). */
export type BallotForms = Partial<Record<BallotKind, BallotForm>>;

/**
 * The sample's three ballot sheets (双述双评, 满意度, 民主评议, each long or `…计票` by `forms`). Drawn
 * from their own PRNG stream (derived from `seed`), so adding ballots leaves every other sheet of the
 * sample unchanged. `avoid`: branch indexes that must not get the collapsed 满意率 (they already carry
 * a veto, which would hide the gate).
 */
export function sampleBallotSheets(branches: readonly SampleBranch[], seed: number, forms: BallotForms = {}, avoid: ReadonlySet<number> = new Set()): OutputSheet[] {
  const rnd = createRandom((seed ^ 0x5bd1e995) >>> 0);
  // One fairly good branch whose members and masses are unhappy: the 否决线 gate forces it down.
  const byQuality = branches.map((b, i) => ({ i, q: b.quality })).filter((x) => !avoid.has(x.i)).sort((a, b) => a.q - b.q || a.i - b.i);
  const collapse = branches.length >= 20 ? (byQuality[Math.floor(byQuality.length * 0.6)]?.i ?? -1) : -1;
  return [
    reviewBallots(branches, forms.review ?? 'long', rnd),
    satisfactionBallots(branches, forms.satisfaction ?? 'long', collapse, rnd),
    appraisalBallots(branches, forms.appraisal ?? 'long', rnd),
  ];
}

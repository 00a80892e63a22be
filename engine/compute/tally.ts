/**
 * Tallies as a mergeable value (workbook.md §5.4 "Tallies merge", §8 Ballots): a mutable builder that
 * engine/parse/ballots* feeds one ballot or one 计票 row at a time, and a pointwise merge, so that the
 * tally of two workbooks is the sum of their tallies whatever the order.
 *
 * Every Tally this file returns has its keys in one canonical order (targets by code unit; groups and
 * aspects in their contract order 上级/党员/群众, 党建/业务, then any others by code unit). So
 * merge(a, b) and merge(b, a) are equal in everything a caller can see, Map iteration order included,
 * and tally(A ++ B) equals merge(tally(A), tally(B)) exactly. Entries are structural: an aspect or group
 * exists once something was added to it, even zero counts (a 计票 row with every count blank).
 */
import { BALLOT_LEVELS, REVIEW_ASPECTS, REVIEW_GROUPS, type AspectCounts, type BallotKind, type GroupTally, type TargetTally, type Tally } from '../ballots';

/** A Tally being built. Methods mutate it; `build` returns an independent, canonically ordered Tally. */
export interface TallyBuilder {
  readonly kind: BallotKind;
  /** One counted long-form ballot row of `group` for `target` (valid or not): GroupTally.rows + 1. */
  addRow(target: string, group: string): void;
  /** One long-form ballot's `aspect`: a level index (into BALLOT_LEVELS[kind]) or 'invalid' (废票 + 1). */
  addBallot(target: string, group: string, aspect: string, level: number | 'invalid'): void;
  /**
   * One 计票 row's counts, indexed like BALLOT_LEVELS[kind] (missing entries are 0): added to the levels,
   * and their sum to `precounted`. 好 3, 较好 1 → levels [3, 1, 0, 0], precounted 4.
   */
  addCounts(target: string, group: string, aspect: string, counts: readonly number[]): void;
  /** Whether anything was added for (target, group, aspect) (BALLOT_FORMS_OVERLAP checks). */
  has(target: string, group: string, aspect: string): boolean;
  build(): Tally;
}

interface MutableAspect {
  levels: number[];
  invalid: number;
  precounted: number;
}

interface MutableGroup {
  rows: number;
  aspects: Map<string, MutableAspect>;
}

/** Level count of a kind (4 for every kind today; read from BALLOT_LEVELS so a new level needs no edit here). */
function levelCount(kind: BallotKind): number {
  return BALLOT_LEVELS[kind].length;
}

/** The builder plus the raw additions that merging needs (whole AspectCounts, whole row counts). */
interface FullBuilder extends TallyBuilder {
  addRows(target: string, group: string, rows: number): void;
  addAspect(target: string, group: string, aspect: string, c: AspectCounts): void;
}

/** Start an empty tally of `kind`. */
export function tallyBuilder(kind: BallotKind): TallyBuilder {
  return fullBuilder(kind);
}

function fullBuilder(kind: BallotKind): FullBuilder {
  const n = levelCount(kind);
  const targets = new Map<string, Map<string, MutableGroup>>();

  // Long-form rows add a row and then each aspect for one (target, group), and sheets are usually sorted
  // by target: remembering the last group found saves most Map lookups on ~160k ballot rows.
  let lastTarget: string | undefined;
  let lastGroupKey: string | undefined;
  let lastGroup: MutableGroup | undefined;
  const groupOf = (target: string, group: string): MutableGroup => {
    if (lastGroup !== undefined && target === lastTarget && group === lastGroupKey) return lastGroup;
    const g = findGroup(target, group);
    lastTarget = target;
    lastGroupKey = group;
    lastGroup = g;
    return g;
  };
  const findGroup = (target: string, group: string): MutableGroup => {
    let groups = targets.get(target);
    if (!groups) {
      groups = new Map();
      targets.set(target, groups);
    }
    let g = groups.get(group);
    if (!g) {
      g = { rows: 0, aspects: new Map() };
      groups.set(group, g);
    }
    return g;
  };
  const aspectOf = (target: string, group: string, aspect: string): MutableAspect => {
    const g = groupOf(target, group);
    let a = g.aspects.get(aspect);
    if (!a) {
      a = { levels: new Array<number>(n).fill(0), invalid: 0, precounted: 0 };
      g.aspects.set(aspect, a);
    }
    return a;
  };

  return {
    kind,
    addRow(target, group) {
      groupOf(target, group).rows += 1;
    },
    addBallot(target, group, aspect, level) {
      const a = aspectOf(target, group, aspect);
      if (level === 'invalid') {
        a.invalid += 1;
        return;
      }
      if (!Number.isInteger(level) || level < 0 || level >= n) throw new RangeError(`level ${level} out of range for ${kind}`);
      a.levels[level] = (a.levels[level] ?? 0) + 1;
    },
    addCounts(target, group, aspect, counts) {
      if (counts.length > n) throw new RangeError(`${counts.length} counts for ${n} levels of ${kind}`);
      const a = aspectOf(target, group, aspect);
      for (let i = 0; i < counts.length; i++) {
        const c = counts[i] ?? 0;
        a.levels[i] = (a.levels[i] ?? 0) + c;
        a.precounted += c;
      }
    },
    addRows(target, group, rows) {
      groupOf(target, group).rows += rows;
    },
    addAspect(target, group, aspect, c) {
      const a = aspectOf(target, group, aspect);
      for (let i = 0; i < n; i++) a.levels[i] = (a.levels[i] ?? 0) + (c.levels[i] ?? 0);
      a.invalid += c.invalid;
      a.precounted += c.precounted;
    },
    has(target, group, aspect) {
      return targets.get(target)?.get(group)?.aspects.has(aspect) ?? false;
    },
    build() {
      const out = new Map<string, TargetTally>();
      for (const t of sortTargets(targets.keys())) {
        const groups = targets.get(t) ?? new Map<string, MutableGroup>();
        const gOut = new Map<string, GroupTally>();
        for (const gk of sortKeys(groups.keys(), REVIEW_GROUPS)) {
          const g = groups.get(gk);
          if (!g) continue;
          const aOut = new Map<string, AspectCounts>();
          for (const ak of sortKeys(g.aspects.keys(), REVIEW_ASPECTS)) {
            const a = g.aspects.get(ak);
            if (a) aOut.set(ak, { levels: [...a.levels], invalid: a.invalid, precounted: a.precounted });
          }
          gOut.set(gk, { rows: g.rows, aspects: aOut });
        }
        out.set(t, { groups: gOut });
      }
      return { kind, targets: out };
    },
  };
}

/** The tally with no ballot: the identity of {@link mergeTallies}. */
export function emptyTally(kind: BallotKind): Tally {
  return { kind, targets: new Map() };
}

/** Thrown when two tallies of different kinds are merged (a programming error, not a data problem). */
export class TallyKindMismatch extends Error {
  constructor(a: BallotKind, b: BallotKind) {
    super(`cannot merge a ${a} tally with a ${b} tally`);
    this.name = 'TallyKindMismatch';
  }
}

/**
 * The pointwise sum of two tallies of one kind: every level count, 废票, precounted and rows add.
 * 001/党员/党建 好 2 in `a` and 好 1, 差 1 in `b` → 好 3, 差 1. Commutative, associative, and
 * emptyTally(kind) is its identity; the result is canonically ordered (see the file comment).
 */
export function mergeTallies(a: Tally, b: Tally): Tally {
  if (a.kind !== b.kind) throw new TallyKindMismatch(a.kind, b.kind);
  const builder = fullBuilder(a.kind);
  for (const t of [a, b]) {
    for (const [target, tt] of t.targets) {
      for (const [group, g] of tt.groups) {
        builder.addRows(target, group, g.rows);
        for (const [aspect, c] of g.aspects) builder.addAspect(target, group, aspect, c);
      }
    }
  }
  return builder.build();
}

/** A tally as a plain, key-sorted object: what tests compare and what a JSON dump shows. */
export interface CanonicalTally {
  readonly kind: BallotKind;
  readonly targets: Readonly<Record<string, Readonly<Record<string, { readonly rows: number; readonly aspects: Readonly<Record<string, AspectCounts>> }>>>>;
}

/** The canonical plain form of a tally (keys in the canonical order; levels copied). */
export function canonicalTally(t: Tally): CanonicalTally {
  const targets: Record<string, Record<string, { rows: number; aspects: Record<string, AspectCounts> }>> = {};
  for (const target of sortTargets(t.targets.keys())) {
    const tt = t.targets.get(target);
    if (!tt) continue;
    const groups: Record<string, { rows: number; aspects: Record<string, AspectCounts> }> = {};
    for (const gk of sortKeys(tt.groups.keys(), REVIEW_GROUPS)) {
      const g = tt.groups.get(gk);
      if (!g) continue;
      const aspects: Record<string, AspectCounts> = {};
      for (const ak of sortKeys(g.aspects.keys(), REVIEW_ASPECTS)) {
        const c = g.aspects.get(ak);
        if (c) aspects[ak] = { levels: [...c.levels], invalid: c.invalid, precounted: c.precounted };
      }
      groups[gk] = { rows: g.rows, aspects };
    }
    targets[target] = groups;
  }
  return { kind: t.kind, targets };
}

/** Whether two tallies hold the same counts under the same keys (order of insertion ignored). */
export function tallyEquals(a: Tally, b: Tally): boolean {
  if (a.kind !== b.kind || a.targets.size !== b.targets.size) return false;
  for (const [target, ta] of a.targets) {
    const tb = b.targets.get(target);
    if (!tb || ta.groups.size !== tb.groups.size) return false;
    for (const [group, ga] of ta.groups) {
      const gb = tb.groups.get(group);
      if (!gb || ga.rows !== gb.rows || ga.aspects.size !== gb.aspects.size) return false;
      for (const [aspect, ca] of ga.aspects) {
        const cb = gb.aspects.get(aspect);
        if (!cb || ca.invalid !== cb.invalid || ca.precounted !== cb.precounted) return false;
        if (ca.levels.length !== cb.levels.length || ca.levels.some((v, i) => v !== cb.levels[i])) return false;
      }
    }
  }
  return true;
}

/** Targets by UTF-16 code unit (locale-free, so every host sorts alike). */
function sortTargets(keys: Iterable<string>): string[] {
  return [...keys].sort(byCodeUnit);
}

/** Known keys first in their contract order, then the others by code unit. */
function sortKeys(keys: Iterable<string>, known: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = known.indexOf(k);
    return i < 0 ? known.length : i;
  };
  return [...keys].sort((x, y) => rank(x) - rank(y) || byCodeUnit(x, y));
}

function byCodeUnit(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

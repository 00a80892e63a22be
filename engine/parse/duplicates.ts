/**
 * §8 duplicates: the same (rater, branch, indicator) given more than once, in any forms or sheets.
 * Equal values (at 6 decimals) count once, with SCORE_DUPLICATE_SAME on each later cell; different
 * values are SCORE_DUPLICATE_CONFLICT on every cell involved, and none of them counts.
 */
import { issue, type Issue } from '../issues';
import { formatLocation, type CellRef } from '../location';
import type { Score } from '../model';
import { round6 } from '../numeric';
import type { ScoreEntry } from './scoreRules';

/**
 * Resolve duplicates in one linear pass plus one over the repeated keys. `entries` are in reading
 * order (workbook sheet order, then rows, then columns): "first" and "later" follow it.
 * 张三 gives 1.1 of 001 the value 3 in 评分 and 3 in 评分-张三 → one score 3 and one warning;
 * 3 and 4 → no score and two errors.
 */
export function resolveDuplicates(entries: readonly ScoreEntry[], issues: Issue[]): Score[] {
  // Speed (≈ 400k scores at 2,000 branches): rater, branch and indicator are interned to small integers
  // and combined into one numeric key, instead of building a string key per score.
  const raters = new Map<string, number>();
  const branches = new Map<string, number>();
  const indicators = new Map<string, number>();
  const intern = (m: Map<string, number>, s: string): number => {
    let v = m.get(s);
    if (v === undefined) {
      v = m.size;
      m.set(s, v);
    }
    return v;
  };
  const raterCode = new Int32Array(entries.length);
  const branchCode = new Int32Array(entries.length);
  const indicatorCode = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    raterCode[i] = intern(raters, e.raterKey);
    branchCode[i] = intern(branches, e.branch);
    indicatorCode[i] = intern(indicators, e.indicator);
  }
  // Entries are chained per (branch, indicator) pair; a pair holds a handful of raters, so finding a
  // repeated rater is a short scan. Pairs index a typed array (branches × indicators ≈ 54k at 2,000
  // branches); a rater-wide key would not fit, since every branch's 自评 rater is another person.
  const nInd = indicators.size;
  const pairSpace = branches.size * nInd;
  const headArray = pairSpace <= 1 << 24 ? new Int32Array(pairSpace).fill(-1) : null;
  const headMap = headArray ? null : new Map<number, number>();
  const next = new Int32Array(entries.length).fill(-1);
  const groups = new Map<number, ScoreEntry[]>();
  for (let i = 0; i < entries.length; i++) {
    const pair = (branchCode[i] ?? 0) * nInd + (indicatorCode[i] ?? 0);
    const head = headArray ? (headArray[pair] ?? -1) : (headMap?.get(pair) ?? -1);
    let first = head;
    while (first >= 0 && raterCode[first] !== raterCode[i]) first = next[first] ?? -1;
    if (first < 0) {
      next[i] = head;
      if (headArray) headArray[pair] = i;
      else headMap?.set(pair, i);
      continue;
    }
    const e = entries[i]!;
    const g = groups.get(first);
    if (g) g.push(e);
    else groups.set(first, [entries[first] as ScoreEntry, e]);
  }
  const dropped = new Set<ScoreEntry>();
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const conflict = group.some((e) => round6(e.value) !== round6(first.value));
    if (!conflict) {
      for (const later of group.slice(1)) {
        dropped.add(later);
        issues.push(issue('SCORE_DUPLICATE_SAME', later.at, { ...names(later), other: cellName(first.at) }));
      }
      continue;
    }
    for (const e of group) {
      dropped.add(e);
      // Point each cell at the first cell that disagrees with it.
      const other = group.find((o) => round6(o.value) !== round6(e.value)) ?? first;
      issues.push(
        issue('SCORE_DUPLICATE_CONFLICT', e.at, { ...names(e), other: cellName(other.at), value: String(e.value), otherValue: String(other.value) }),
      );
    }
  }
  const scores: Score[] = [];
  for (const e of entries) {
    if (dropped.size > 0 && dropped.has(e)) continue;
    scores.push({ branch: e.branch, indicator: e.indicator, rater: e.rater, role: e.role, value: e.value, at: e.at });
  }
  return scores;
}

function names(e: ScoreEntry) {
  return { rater: e.rater, branch: e.branch, indicator: e.indicator };
}

/** `评分-张三!D5`: the other cell with its sheet, since duplicates cross sheets. */
function cellName(at: CellRef): string {
  return formatLocation(at);
}

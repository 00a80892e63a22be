/**
 * Cell readers for the ballot sheets (workbook.md §2.7): a level with its synonyms, a rater group, a
 * 计票 count. Each reports its own problem on the cell, like engine/parse/cells.ts does for ids and numbers.
 */
import { BALLOT_LEVELS, REVIEW_GROUPS, type BallotKind } from '../ballots';
import { issue } from '../issues';
import { cellAt, isCellError } from '../raw';
import { ref, type ReadContext } from './cells';
import { cellText, isBlankCell, normName, toHalfWidth } from './normalize';
import { parseNumberText } from './numbers';

/** A ballot's level for one aspect: an index into BALLOT_LEVELS[kind], or 废票. */
export type Level = number | 'invalid';

/**
 * Level text (normalised) → index, per kind, built once: the level names, A/B/C/D for the four levels in
 * order (lower case and full-width fold onto them through normName), and 较差 = 差 for 双述双评 only
 * (the other kinds have no level called 差).
 */
const LEVEL_LOOKUP: { readonly [K in BallotKind]: ReadonlyMap<string, number> } = {
  review: levelLookup('review', [['较差', 3]]),
  satisfaction: levelLookup('satisfaction', []),
  appraisal: levelLookup('appraisal', []),
};

function levelLookup(kind: BallotKind, extra: readonly (readonly [string, number])[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  BALLOT_LEVELS[kind].forEach((name, i) => {
    map.set(normName(name), i);
    map.set(normName(String.fromCharCode(65 + i)), i);
  });
  for (const [name, i] of extra) map.set(normName(name), i);
  return map;
}

/** The level a text names for `kind` (`较差` → 3 for 双述双评, `ｂ` → 1), or undefined. */
export function levelOf(kind: BallotKind, text: string): number | undefined {
  const lookup = LEVEL_LOOKUP[kind];
  // Nearly every cell holds a level exactly as written in the contract: try it before normalising.
  return lookup.get(text) ?? lookup.get(normName(text));
}

/**
 * A long-form level cell. Blank or unknown text → 废票 with BALLOT_LEVEL_INVALID on the cell (never
 * guessed, §2.7); an Excel error value → 废票 with CELL_ERROR_VALUE (one issue per cell).
 */
export function readLevel(ctx: ReadContext, kind: BallotKind, row: number, col: number, column: string): Level {
  const v = cellAt(ctx.sheet, row, col);
  if (isBlankCell(v)) {
    ctx.issues.push(issue('BALLOT_LEVEL_INVALID', ref(ctx, row, col), { value: '', column }));
    return 'invalid';
  }
  if (isCellError(v)) {
    ctx.issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, col), { value: v.code, column }));
    return 'invalid';
  }
  const text = cellText(v);
  const level = levelOf(kind, text);
  if (level !== undefined) return level;
  ctx.issues.push(issue('BALLOT_LEVEL_INVALID', ref(ctx, row, col), { value: text.trim(), column }));
  return 'invalid';
}

/** 评议人类别 when blank (§2.7: default 党员). */
export const DEFAULT_GROUP = '党员';
const GROUP_COLUMN = '评议人类别';
const KNOWN_GROUPS: ReadonlyMap<string, string> = new Map(REVIEW_GROUPS.map((g) => [normName(g), g] as const));

/**
 * A rater-group cell; undefined when the row cannot count (the issue is raised). Blank → 党员.
 * `closed` (双述双评): only 上级/党员/群众, anything else VALUE_NOT_ALLOWED. Open (满意度): any text is a
 * group, written half-width and trimmed; the three known names are matched like choices (`上级 ` = 上级).
 */
export function readGroup(ctx: ReadContext, row: number, col: number | undefined, closed: boolean): string | undefined {
  if (col === undefined) return DEFAULT_GROUP;
  const v = cellAt(ctx.sheet, row, col);
  if (isBlankCell(v)) return DEFAULT_GROUP;
  if (isCellError(v)) {
    ctx.issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, col), { value: v.code, column: GROUP_COLUMN }));
    return undefined;
  }
  const text = cellText(v);
  const known = KNOWN_GROUPS.get(normName(text));
  if (known !== undefined) return known;
  if (!closed) return toHalfWidth(text).trim();
  ctx.issues.push(issue('VALUE_NOT_ALLOWED', ref(ctx, row, col), { value: text.trim(), column: GROUP_COLUMN, allowed: REVIEW_GROUPS.join('/') }));
  return undefined;
}

/**
 * A 计票 count: blank → 0; a whole number ≥ 0 as the number reader accepts it (`3`, `３`, ` 3 `), and
 * also with a trailing 票 (`3票`), which is how counts are written by hand. Anything else (−1, 2.5,
 * `三`) → BALLOT_COUNT_INVALID and undefined (that count is not added); an error value → CELL_ERROR_VALUE.
 */
export function readBallotCount(ctx: ReadContext, row: number, col: number | undefined, column: string): number | undefined {
  if (col === undefined) return 0;
  const v = cellAt(ctx.sheet, row, col);
  if (isBlankCell(v)) return 0;
  if (isCellError(v)) {
    ctx.issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, col), { value: v.code, column }));
    return undefined;
  }
  let n: number | undefined;
  if (typeof v === 'number') n = Number.isFinite(v) ? v : undefined;
  else if (typeof v === 'string') n = parseNumberText(stripVotes(v), 'plain');
  // `-0` passes `n >= 0`; return it as 0 so no output ever shows a negative zero.
  if (n !== undefined && Number.isInteger(n) && n >= 0) return n === 0 ? 0 : n;
  ctx.issues.push(issue('BALLOT_COUNT_INVALID', ref(ctx, row, col), { value: cellText(v).trim(), column }));
  return undefined;
}

function stripVotes(s: string): string {
  const t = s.trim();
  return t.endsWith('票') ? t.slice(0, -1) : t;
}

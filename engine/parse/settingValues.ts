/**
 * The value formats of 参数 (workbook.md §2.8, §8 Settings), as people type them: lists
 * `好,较好,一般,较差` (separators , ， 、 ; ； and spaces), number lists `90,80,60`, maps
 * `上级=0.6,自评=0.4` (also `上级:0.6`, `上级＝60%`), ratios `0.3` / `30%` / `1/3`.
 */
import { normName, toHalfWidth } from './normalize';
import { parseNumberText, type NumberKind } from './numbers';

// Compiled once. After half-width conversion ， ； ： ＝ are , ; : = already; 、 is not ASCII.
const LIST_SEPARATORS = /[,、;\s]+/;
const MAP_ASSIGN_SPACES = /\s*([=:])\s*/g;
const MAP_ASSIGN = /[=:]/;

/** Split a list: `好，较好、一般 较差` → [好, 较好, 一般, 较差]. */
export function splitList(text: string): string[] {
  return toHalfWidth(text)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A list of distinct names (at least `min`); undefined when it is not one. */
export function parseNameList(text: string, min: number): string[] | undefined {
  const names = splitList(text);
  if (names.length < min) return undefined;
  const seen = new Set(names.map(normName));
  return seen.size === names.length ? names : undefined;
}

/** Strictly descending numbers: `90,80,60` → [90, 80, 60]; `80,90` → undefined. */
export function parseDescendingNumbers(text: string): number[] | undefined {
  const parts = splitList(text);
  const out: number[] = [];
  for (const p of parts) {
    const n = parseNumberText(p, 'plain');
    if (n === undefined) return undefined;
    const prev = out[out.length - 1];
    if (prev !== undefined && !(n < prev)) return undefined;
    out.push(n);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * A map `k=v, k=v` (`=` or `:`; spaces around them allowed); each value read as `kind` and checked
 * by `valid`. Keys are returned as written (trimmed). `上级＝60%,自评：0.4` → [[上级, 0.6], [自评, 0.4]].
 */
export function parseMapEntries(
  text: string,
  kind: NumberKind,
  valid: (n: number) => boolean,
): [string, number][] | undefined {
  const compact = toHalfWidth(text).replace(MAP_ASSIGN_SPACES, '$1');
  const parts = splitList(compact);
  if (parts.length === 0) return undefined;
  const out: [string, number][] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const at = p.search(MAP_ASSIGN);
    if (at <= 0) return undefined;
    const key = p.slice(0, at).trim();
    const n = parseNumberText(p.slice(at + 1), kind);
    if (n === undefined || !valid(n)) return undefined;
    const norm = normName(key);
    if (seen.has(norm)) return undefined;
    seen.add(norm);
    out.push([key, n]);
  }
  return out;
}

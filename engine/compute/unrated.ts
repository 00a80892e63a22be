/**
 * 未评定 (workbook.md §3.7, §8 Rubric and scores): what is missing for a branch, as the cell list
 * that BRANCH_UNRATED and 等次说明 name.
 */
import { issue, type Issue } from '../issues';
import { formatLocation } from '../location';
import type { Branch } from '../model';
import type { MissingCell } from '../results';

/** How many missing cells BRANCH_UNRATED names before giving only the count (§8). */
export const MISSING_LISTED = 5;

/** The text naming the rubric when there is none to score with. */
export const RUBRIC_TEXT = '指标';

/**
 * Each missing thing once, as text: a cell (`评分-张三!E7`, `台账!D9`) when one is known, else the
 * 指标编号 (`1.3`), or `指标` when there is no rubric.
 */
export function missingTexts(missing: readonly MissingCell[]): readonly string[] {
  const out: string[] = [];
  const add = (t: string): void => {
    if (!out.includes(t)) out.push(t);
  };
  for (const m of missing) {
    if (m.kind === 'rubric') add(RUBRIC_TEXT);
    else if (m.kind === 'unscored' && m.cells.length > 0) for (const c of m.cells) add(formatLocation(c));
    else if (m.kind === 'ledgerBlank') add(formatLocation(m.cell));
    else add(m.indicator);
  }
  return out;
}

/** BRANCH_UNRATED at the branch's 支部编号 cell: the first five missing cells and their count. */
export function unratedIssue(branch: Branch, missing: readonly MissingCell[]): Issue {
  const texts = missingTexts(missing);
  return issue('BRANCH_UNRATED', branch.at, {
    branch: branch.id,
    missing: texts.slice(0, MISSING_LISTED).join(', '),
    count: texts.length,
  });
}

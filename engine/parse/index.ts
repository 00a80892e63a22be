/**
 * The parse step: RawWorkbook → typed Model plus every data problem as an Issue naming its sheet
 * and cell (workbook.md §1, §2, §8). Nothing is thrown for bad data; every sheet is read in one pass.
 *
 *   discover sheets ─▶ 参数 (grade names first) ─▶ 支部 ─▶ 台账 (its columns feed formula checks)
 *     ─▶ 指标 ─▶ 评分 + 评分-<rater> in workbook order ─▶ §8 duplicates ─▶ 否决
 *     ─▶ ballot sheets (§2.7) in workbook order ─▶ Tallies, members, 最终等次 of the previous 民主评议汇总
 */
import { issue, type Issue } from '../issues';
import type { CellRef } from '../location';
import type { BallotMeasures, Model } from '../model';
import type { RawWorkbook } from '../raw';
import { parseBallots } from './ballots';
import { parseBranches, type BranchIds } from './branches';
import { resolveDuplicates } from './duplicates';
import { parseLedger } from './ledger';
import { parseRubric } from './rubric';
import { scoreLookup, type ScoreEntry } from './scoreRules';
import { parseScoreSheet } from './scores';
import { parseSettings } from './settings';
import { discoverSheets, SHEET_NAME } from './sheets';
import { parseVetoes } from './vetoes';
import { parseWideForm } from './wide';

/** Parse a whole workbook. `measures` stays empty: compute derives 满意率 and 好评率 from `ballots`. */
export function parseWorkbook(raw: RawWorkbook): { model: Model; issues: Issue[] } {
  const issues: Issue[] = [];
  const found = discoverSheets(raw, issues);
  const sheet = (k: Parameters<typeof found.byKind.get>[0]) => found.byKind.get(k);

  const settings = parseSettings(sheet('settings'), issues);

  const branchSheet = sheet('branches');
  if (!branchSheet) issues.push(issue('SHEET_MISSING', { sheet: SHEET_NAME.branches }, { purpose: 'grading', indicators: '' }));
  const parsedBranches = branchSheet ? parseBranches(branchSheet, settings, issues) : null;
  const branches = parsedBranches ?? [];
  const branchIds: BranchIds = parsedBranches ? new Set(parsedBranches.map((b) => b.id)) : null;

  const ledgerSheet = sheet('ledger');
  const ledger = ledgerSheet ? parseLedger(ledgerSheet, branchIds, issues) : null;

  const rubricSheet = sheet('rubric');
  if (!rubricSheet) issues.push(issue('SHEET_MISSING', { sheet: SHEET_NAME.rubric }, { purpose: 'scoring', indicators: '' }));
  // Formula names are checked only when the 台账 header could be read; otherwise its own issue explains.
  const rubric = rubricSheet
    ? parseRubric(rubricSheet, settings, ledger ? ledger.columns : null, issues)
    : { indicators: [], available: false, excluded: new Set<string>() };

  const ledgerIndicators = rubric.indicators.filter((i) => i.method === 'ledger').map((i) => i.id);
  if (!ledgerSheet && ledgerIndicators.length > 0) {
    issues.push(issue('SHEET_MISSING', { sheet: SHEET_NAME.ledger }, { purpose: 'ledger', indicators: ledgerIndicators.join(', ') }));
  }

  const lookup = scoreLookup(settings, branchIds, rubric.indicators, rubric.available ? rubric.excluded : true);
  const entries: ScoreEntry[] = [];
  const wideBlanks = new Map<string, CellRef[]>();
  for (const s of found.scoreSheets) {
    const read = s.form === 'long' ? parseScoreSheet(s.sheet, lookup, issues) : parseWideForm(s.sheet, s.rater, lookup, issues, wideBlanks);
    for (const e of read) entries.push(e);
  }
  const scores = resolveDuplicates(entries, issues);

  const vetoSheet = sheet('vetoes');
  const vetoes = vetoSheet ? parseVetoes(vetoSheet, branchIds, settings, issues) : [];

  const ballots = parseBallots({ sheets: raw.sheets, byKind: found.byKind, appraisalSummary: found.outputs.get('民主评议汇总') }, branchIds, issues);

  const model: Model = {
    settings,
    branches,
    indicators: rubric.indicators,
    rubricAvailable: rubric.available,
    scores,
    wideBlanks,
    ledger,
    vetoes,
    measures: new Map<string, BallotMeasures>(),
    ballots,
  };
  return { model, issues };
}

export { parseEffect } from './effects';
export { normId, normName, toHalfWidth } from './normalize';
export { parseNumberText, readNumberCell } from './numbers';
export { discoverSheets, SHEET_KINDS, wideFormRater } from './sheets';

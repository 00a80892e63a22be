/**
 * Consolidation (product.md "Consolidation"): many contributed workbooks into the master.
 *
 *   master ─scan─▶ branches, 指标, data sheets, earlier 来源 and content
 *   each source ─scan─▶ rubric differs? refused · no data? refused · already merged (来源 or content)? refused
 *               └─▶ rows of unknown 支部编号 → BRANCH_UNKNOWN, not merged · scores → conflicts across files
 *   accepted sources ─▶ MergePlan (append under the master's sheets, add new sheets and wide forms)
 *
 * Order-free: every row of every accepted file is merged whatever the order, and the parser reads a
 * workbook independently of row order (scores combine by §3, duplicates by §8, ballots and counts add),
 * so merge(A, B) and merge(B, A) grade alike; only row order, the 来源 label order and which of two
 * identical copies is refused differ.
 */
import { issue, type Issue } from '../issues';
import { normId, normName } from '../parse/normalize';
import type { RawSheet, RawWorkbook } from '../raw';
import { DATA_KINDS, BRANCH_HEADER, SOURCE_HEADER, type DataKind } from './columns';
import { ConflictFinder, longScores, wideScores, type ScoreKey } from './conflicts';
import { digest, keptKeys, rowFingerprint, wideFingerprint } from './fingerprint';
import { buildPlan, type Contribution } from './plan';
import { diffRubrics, readRubric } from './rubric-diff';
import { branchIds, scanWorkbook, type Scanned, type WideForm } from './scan';
import { mergedSummary, refusedSummary } from './summary';
import type { FileSummary, MergeOptions, MergeResult, MergeSource } from './types';

export type * from './types';
export { applyPlan } from './apply';
export { needsAttention } from './summary';

/** The master's name in conflicts when the caller gives none. */
export const MASTER_NAME = '主工作簿';

/**
 * Merge contributed workbooks into the master: the master's 支部, 指标 and 参数 rule; each source's data
 * rows are appended (来源 = its name), its wide forms copied. Returns the plan for the adapter to apply,
 * a summary per source (in the given order), the conflicts and the issues of contributed rows.
 */
export function mergeWorkbooks(master: RawWorkbook, sources: readonly MergeSource[], options: MergeOptions = {}): MergeResult {
  const masterName = options.masterName ?? MASTER_NAME;
  const m = scanWorkbook(master);
  const ids = branchIds(m.branchSheet);
  const known = (id: string) => ids === null || id === '' || ids.has(id);
  const masterRubric = readRubric(m.rubricSheet);
  const kept = keptKeys(m.tables);
  const finder = new ConflictFinder();

  // What the master already holds: its 来源 names, and its content per 来源 (own rows under '').
  const names = new Set<string>();
  const groups = new Map<string, string[]>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    return g;
  };
  const masterScores = new Map<string, ScoreKey[]>();
  const scoresOf = (name: string) => {
    let g = masterScores.get(name);
    if (!g) masterScores.set(name, (g = []));
    return g;
  };
  for (const table of m.tables.values()) {
    const sourceCol = table.colOf.get(SOURCE_HEADER);
    for (const r of table.rows) {
      const from = sourceCol === undefined ? '' : normId(table.sheet.cells[r]?.[sourceCol]);
      if (from !== '') names.add(normName(from));
      group(from).push(rowFingerprint(table, r, kept));
      if (table.kind === 'scores') scoresOf(from === '' ? masterName : from).push(...longScores(table, [r]));
    }
  }
  const masterIds = new Set(masterRubric?.keys() ?? []);
  for (const form of m.wide) {
    const from = form.source ?? '';
    if (from !== '') names.add(normName(from));
    for (const r of form.rows) group(from).push(wideFingerprint(form, r));
    scoresOf(from === '' ? masterName : from).push(...wideScores(form, form.rows, (id) => masterIds.has(id)));
  }
  // A file equal to one earlier 来源, or to the whole master (the master given again as a source).
  const seen = new Set<string>([...groups.values()].map(digest));
  seen.add(digest([...groups.values()].flat()));
  for (const [name, scores] of masterScores) finder.add(name, scores, false);

  const summaries: (FileSummary | Contribution)[] = [];
  const issues: Issue[] = [];
  const scoresByFile = new Map<string, ScoreKey[]>();
  for (const source of sources) {
    const scan = scanWorkbook(source.workbook);
    const sourceRubric = readRubric(scan.rubricSheet);
    const differences = diffRubrics(masterRubric, sourceRubric);
    if (differences.length > 0) {
      summaries.push(refusedSummary(source.name, 'rubric', differences));
      continue;
    }
    const dataRows = [...scan.tables.values()].reduce((n, t) => n + t.rows.length, 0) + scan.wide.reduce((n, f) => n + f.rows.length, 0);
    if (dataRows === 0) {
      summaries.push(refusedSummary(source.name, 'empty'));
      continue;
    }
    const fileIssues: Issue[] = [];
    const contribution = contribute(source.name, scan, known, fileIssues);
    const fingerprints: string[] = [];
    for (const [kind, rows] of contribution.rows) {
      const table = scan.tables.get(kind);
      if (table) for (const r of rows) fingerprints.push(rowFingerprint(table, r, kept));
    }
    for (const { form, rows } of contribution.wide) for (const r of rows) fingerprints.push(wideFingerprint(form, r));
    const content = digest(fingerprints);
    if (names.has(normName(source.name)) || (fingerprints.length > 0 && seen.has(content))) {
      summaries.push(refusedSummary(source.name, 'duplicate'));
      continue;
    }
    names.add(normName(source.name));
    seen.add(content);
    issues.push(...fileIssues);
    // Wide-form columns are indicators of the master's 指标 (of the file's own when the master has none).
    const ids = masterIds.size > 0 ? masterIds : new Set(sourceRubric?.keys() ?? []);
    const has = (id: string) => ids.has(id);
    const longTable = scan.tables.get('scores');
    const scores = [
      ...(longTable ? longScores(longTable, contribution.rows.get('scores') ?? []) : []),
      ...contribution.wide.flatMap(({ form, rows }) => wideScores(form, rows, has)),
    ];
    scoresByFile.set(source.name, scores);
    finder.add(source.name, scores, true);
    summaries.push(contribution);
  }

  const accepted = summaries.filter((s): s is Contribution => 'scan' in s);
  const { plan, rowsByFile } = buildPlan(m, master.sheets.map((s) => s.name), accepted);
  const conflicts = finder.conflicts();
  const files = summaries.map((s) => ('scan' in s ? mergedSummary(s.name, rowsByFile, scoresByFile.get(s.name) ?? [], conflicts) : s));
  return { plan, files, conflicts, issues };
}

/** The rows of a source that can be merged; a row naming a 支部编号 the master lacks → BRANCH_UNKNOWN on its cell, not merged. */
function contribute(name: string, scan: Scanned, known: (id: string) => boolean, issues: Issue[]): Contribution {
  const at = (sheet: string, row: number, col: number) => ({ sheet: `${name}:${sheet}`, row, col });
  const keep = (sheet: RawSheet, row: number, col: number | undefined): boolean => {
    if (col === undefined) return true;
    const id = normId(sheet.cells[row]?.[col]);
    if (known(id)) return true;
    issues.push(issue('BRANCH_UNKNOWN', at(sheet.name, row, col), { id }));
    return false;
  };
  const rows = new Map<DataKind, number[]>();
  for (const kind of DATA_KINDS) {
    const table = scan.tables.get(kind);
    if (!table) continue;
    const col = table.colOf.get(BRANCH_HEADER);
    rows.set(kind, table.rows.filter((r) => keep(table.sheet, r, col)));
  }
  const wide: { form: WideForm; rows: number[] }[] = [];
  for (const form of scan.wide) {
    if (form.headerRow < 0) continue;
    wide.push({ form, rows: form.rows.filter((r) => keep(form.sheet, r, form.branchCol)) });
  }
  return { name, scan, rows, wide };
}

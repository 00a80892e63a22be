/**
 * `branch-rating merge MASTER.xlsx A.xlsx B.xlsx … -o OUT.xlsx` (product.md "Consolidation"): read every
 * file, let the engine plan the merge (engine/merge), apply the plan to the master's exceljs workbook and
 * write OUT through a temp file. No merging logic lives here: which rows go where is the plan's.
 *
 * Exit codes: 0 every file merged with no conflict and no issue; 1 the merge needs a look (a file was
 * refused, a (rater, branch, indicator) came from two files, or a row named an unknown branch) — OUT is
 * still written with everything that could be merged; 2 bad usage or a file that cannot be read/written.
 */
import type ExcelJS from 'exceljs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { a1 } from '../engine/location';
import { mergeWorkbooks, needsAttention, type MergeResult, type MergeSource, type RubricDifference } from '../engine/merge';
import { renderIssue } from '../engine/messages';
import { formatDuration, type CliLocale, type CliMessages } from './messages';
import { rawFromExcel } from './xlsx-read';
import { applyPlanToExcel } from './xlsx-merge';
import { workbookBytes } from './xlsx-write';

/** What the command borrows from cli/main.ts (file reading and atomic writing with its error messages). */
export interface MergeIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readInput: (file: string, m: CliMessages) => Promise<Uint8Array>;
  readonly openWorkbook: (file: string, bytes: Uint8Array, valuesOnly: boolean, m: CliMessages) => Promise<ExcelJS.Workbook>;
  readonly writeAtomically: (file: string, bytes: Uint8Array, m: CliMessages) => Promise<void>;
}

/** Run the merge; resolves to the exit code (0 or 1); unreadable files reject through `io` (exit 2). */
export async function mergeCommand(
  master: string,
  files: readonly string[],
  output: string,
  locale: CliLocale,
  io: MergeIo,
  m: CliMessages,
): Promise<number> {
  const w = MERGE_WORDS[locale];
  let t = performance.now();
  // The master is loaded whole (it is written back); the others only for their values.
  const wb = await io.openWorkbook(master, await io.readInput(master, m), false, m);
  const masterRaw = rawFromExcel(wb);
  const names = sourceNames(files);
  const sources: MergeSource[] = [];
  for (const [i, file] of files.entries()) {
    const raw = rawFromExcel(await io.openWorkbook(file, await io.readInput(file, m), true, m));
    sources.push({ name: names[i] ?? file, workbook: raw });
  }
  io.stderr(`${m.reading(`${files.length + 1} ${w.files}`, formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  const result = mergeWorkbooks(masterRaw, sources, { masterName: basename(master) });
  io.stderr(`${w.merging(formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  applyPlanToExcel(wb, result.plan);
  await io.writeAtomically(output, await workbookBytes(wb), m);
  io.stderr(`${m.writing(output, formatDuration(performance.now() - t))}\n`);

  io.stdout(mergeSummary(result, locale, w));
  io.stdout(`${m.written(resolve(output))}\n`);
  return needsAttention(result) ? 1 : 0;
}

/** File names as 来源 values: the base name, or the path as given when two files share a base name. */
function sourceNames(files: readonly string[]): string[] {
  const base = files.map((f) => basename(f));
  return files.map((f, i) => (base.filter((b) => b.toLowerCase() === base[i]?.toLowerCase()).length > 1 ? f : (base[i] ?? f)));
}

// ── applying the plan to an exceljs workbook ────────────────────────────────────────────────────

// ── summary (stdout) ────────────────────────────────────────────────────────────────────────────

function mergeSummary(r: MergeResult, locale: CliLocale, w: MergeWords): string {
  const lines: string[] = [];
  for (const f of r.files) {
    if (f.status === 'merged') {
      const rows = f.rows.map((x) => w.rows(x.sheet, x.rows)).join(w.listSep);
      lines.push(`${f.name}  ${w.merged}${w.labelSep}${rows === '' ? w.noRows : rows}${w.listSep}${w.raters(f.raters)}${w.listSep}${w.conflictCount(f.conflicts)}`);
    } else {
      lines.push(`${f.name}  ${w.refused}${w.labelSep}${w.refusal[f.refusal ?? 'empty']}`);
      for (const d of f.differences) lines.push(`    ${w.difference(d)}`);
    }
  }
  if (r.conflicts.length > 0) {
    lines.push('', w.conflictsTitle);
    for (const c of r.conflicts) {
      const values = c.files.map((file, i) => `${file} ${c.values[i] ?? ''}`).join(w.listSep);
      lines.push(`  ${w.conflict(c.rater, c.branch, c.indicator)}${w.labelSep}${values}`);
    }
  }
  if (r.issues.length > 0) {
    lines.push('', w.issuesTitle);
    for (const i of r.issues) lines.push(`  ${i.at.sheet}!${a1(i.at)}  ${i.code}  ${renderIssue(i, locale)}`);
  }
  return `${lines.join('\n')}\n`;
}

interface MergeWords {
  readonly files: string;
  readonly merging: (time: string) => string;
  readonly labelSep: string;
  readonly listSep: string;
  readonly merged: string;
  readonly refused: string;
  readonly noRows: string;
  readonly rows: (sheet: string, n: number) => string;
  readonly raters: (n: number) => string;
  readonly conflictCount: (n: number) => string;
  readonly refusal: { readonly rubric: string; readonly duplicate: string; readonly empty: string };
  readonly difference: (d: RubricDifference) => string;
  readonly conflictsTitle: string;
  readonly conflict: (rater: string, branch: string, indicator: string) => string;
  readonly issuesTitle: string;
}

const MERGE_WORDS: Readonly<Record<CliLocale, MergeWords>> = {
  'zh-CN': {
    files: '个文件',
    merging: (time) => `合并 … ${time}`,
    labelSep: '：',
    listSep: '，',
    merged: '已合并',
    refused: '未合并',
    noRows: '没有可合并的行',
    rows: (sheet, n) => `${sheet} ${n} 行`,
    raters: (n) => `评分人 ${n} 名`,
    conflictCount: (n) => `冲突 ${n} 处`,
    refusal: {
      rubric: '指标与主工作簿不同（请用主工作簿的指标重新填写，或先统一指标）',
      duplicate: '已经合并过（来源相同或内容完全相同），未重复计入',
      empty: '没有数据行',
    },
    difference: (d) =>
      d.field === 'missing'
        ? `指标 ${d.indicator}：主工作簿有，本文件没有`
        : d.field === 'extra'
          ? `指标 ${d.indicator}：本文件有，主工作簿没有`
          : `指标 ${d.indicator} 的${d.field}：主工作簿“${d.master}”，本文件“${d.source}”`,
    conflictsTitle: '冲突（同一评分人对同一支部同一指标在多个文件中评分；分数相同只计一次，不同则都不计，见数据校验）：',
    conflict: (rater, branch, indicator) => `评分人 ${rater} · 支部 ${branch} · 指标 ${indicator}`,
    issuesTitle: '问题（这些行未合并）：',
  },
  'en-US': {
    files: 'files',
    merging: (time) => `Merging … ${time}`,
    labelSep: ': ',
    listSep: ', ',
    merged: 'merged',
    refused: 'not merged',
    noRows: 'no rows to merge',
    rows: (sheet, n) => `${sheet} ${n} row${n === 1 ? '' : 's'}`,
    raters: (n) => `${n} rater${n === 1 ? '' : 's'}`,
    conflictCount: (n) => `${n} conflict${n === 1 ? '' : 's'}`,
    refusal: {
      rubric: "its 指标 differs from the master's (fill it in again on the master's rubric, or agree on one rubric first)",
      duplicate: 'already merged (same 来源 or the very same content); not counted again',
      empty: 'no data rows',
    },
    difference: (d) =>
      d.field === 'missing'
        ? `indicator ${d.indicator}: in the master, not in this file`
        : d.field === 'extra'
          ? `indicator ${d.indicator}: in this file, not in the master`
          : `indicator ${d.indicator}, ${d.field}: master "${d.master}", this file "${d.source}"`,
    conflictsTitle: 'Conflicts (one rater scored the same branch and indicator in several files; equal scores count once, different ones not at all — see 数据校验):',
    conflict: (rater, branch, indicator) => `rater ${rater} · branch ${branch} · indicator ${indicator}`,
    issuesTitle: 'Issues (these rows were not merged):',
  },
};

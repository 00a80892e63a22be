/**
 * The task pane's steps, host-agnostic and without React: each reads from or writes to a WorkbookHost,
 * calls the engine facade, and reports its phases (reading → computing → writing → done | failed)
 * through `onPhase`. The pane's reducer turns those into state; tests drive them with a fake host.
 *
 * The engine is synchronous: every step yields to the event loop between read, compute and write, so the
 * UI repaints its progress and Excel desktop (which restarts an add-in whose script blocks ~5 s) sees
 * the script breathe. Every failure becomes a 'failed' phase with words saying what to do.
 */
import { checkWorkbook, runWorkbook } from '../../engine';
import { exportSheets, PUBLIC_LIST_SHEET, toCsv } from '../../engine/export';
import { yearLabel } from '../../engine/export/titles';
import type { Issue } from '../../engine/issues';
import { mergeWorkbooks, type MergePlan, type MergeSource } from '../../engine/merge';
import type { Locale } from '../../engine/messages';
import { formRoles, missingTemplateSheets, scoringForms, templateSheets, type FormRater } from '../../engine/template';
import { HostError, type WorkbookHost } from '../host';
import { CSV_MIME, saveBlob, type SaveFile } from '../save-file';
import { strings } from './i18n';
import type { ExportOutcome, ImportOutcome, OutcomeOf, Phase, Step, UnreadableFile } from './state';
import { groupIssues, summarise } from './summary';

/** A file the user picked (a DOM File is one); read in the browser, never uploaded. */
export interface PickedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ControllerOptions {
  /** The clock for the export date (defaults to the browser's). */
  readonly now?: () => Date;
  /** How the CSV is saved (defaults to a blob: link download). */
  readonly save?: SaveFile;
}

export interface Controller {
  /** 准备: add the template sheets the workbook lacks; never touches an existing sheet. */
  prepare(): Promise<Phase>;
  /** 评分: add a `评分-<rater>` form per rater (an existing form is left alone). */
  generateForms(raters: readonly FormRater[]): Promise<Phase>;
  /** 检查: every issue of the workbook, grouped by sheet. */
  check(): Promise<Phase>;
  /** 计算: run the engine and write every output sheet. */
  compute(): Promise<Phase>;
  /** Show the issue's cell (or row, column, sheet). Reports only a failure; returns it, or undefined. */
  select(issue: Issue): Promise<Phase | undefined>;
  /** The 评分人类别 the workbook's 参数 weighs (for the 评分 step's pickers). Throws a HostError on failure. */
  roles(): Promise<string[]>;
  /** 导入: read the picked workbooks and the open one (the master) and preview the merge; nothing is written. */
  importFiles(files: readonly PickedFile[]): Promise<Phase>;
  /** 应用合并: write a previewed merge's plan into the open workbook (once: an applied outcome is returned as it is). */
  applyImport(preview: ImportOutcome): Promise<Phase>;
  /** 导出: compute and hand the four export sheets to the user as a new workbook. */
  exportWorkbook(options: { readonly includeScores: boolean }): Promise<Phase>;
  /** 导出 as CSV: 公示名单 only, UTF-8 with BOM, downloaded (the web page). */
  exportCsv(options: { readonly includeScores: boolean }): Promise<Phase>;
}

/** `YYYY-MM-DD` of a moment in the browser's own time zone (the date the user sees on their calendar). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The export's file name from 评定年度: `2026` → `2026年度支部评定结果.xlsx`; not set → `支部评定结果.xlsx`.
 * Characters Windows refuses in a file name become `_`.
 */
export function exportFileName(year: string | null, what: 'xlsx' | 'csv'): string {
  const base = `${yearLabel(year, 'zh-CN')}${what === 'xlsx' ? '支部评定结果' : '支部评定公示名单'}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}.${what}`;
}

/** Rows a plan appends, per sheet (sheets in plan order, those with rows only). */
function appendedRows(plan: MergePlan): { sheet: string; rows: number }[] {
  const rows = new Map<string, number>();
  for (const a of plan.append) if (a.rows.length > 0) rows.set(a.sheet, (rows.get(a.sheet) ?? 0) + a.rows.length);
  return [...rows].map(([sheet, n]) => ({ sheet, rows: n }));
}

/** Let the event loop run: pending renders, input, and Office's own messages. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The failure phase for an error: what failed, what it means and what to do, in the pane's language.
 * `detail` keeps the original words (and the host's detail) for the details pane.
 */
export function failure(step: Step | 'select', error: unknown, locale: Locale): Phase {
  const t = strings(locale);
  if (error instanceof HostError) {
    const detail = [error.message, error.detail].filter((s) => s !== undefined && s !== '').join('\n');
    return { kind: 'failed', step, message: `${t.stepFailed[step]}${t.sentenceGap}${t.hostError[error.code]}`, ...(detail === '' ? {} : { detail }) };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'failed', step, message: `${t.stepFailed[step]}${t.sentenceGap}${t.unexpected}`, detail };
}

/** Create the controller over a host; phases go to `onPhase` as they happen (the last one is also returned). */
export function createController(host: WorkbookHost, onPhase: (phase: Phase) => void, locale: Locale = 'zh-CN', options: ControllerOptions = {}): Controller {
  const now = options.now ?? (() => new Date());
  const save = options.save ?? saveBlob;

  /** Run a step: report its phases, turn any throw into 'failed', never let an error escape or vanish. */
  async function run<S extends Step>(step: S, work: () => Promise<OutcomeOf<S>>): Promise<Phase> {
    let phase: Phase;
    try {
      const outcome = await work();
      phase = { kind: 'done', step, outcome } as Phase;
    } catch (error) {
      phase = failure(step, error, locale);
    }
    onPhase(phase);
    return phase;
  }

  const progress = (kind: 'reading' | 'computing' | 'writing', step: Step) => (fraction: number) =>
    onPhase({ kind, step, fraction: Math.min(1, Math.max(0, fraction)) });

  async function read(step: Step) {
    progress('reading', step)(0);
    const raw = await host.read(progress('reading', step));
    progress('computing', step)(0);
    await nextTask();
    return raw;
  }

  return {
    prepare: () =>
      run('prepare', async () => {
        progress('reading', 'prepare')(0);
        const names = await host.sheetNames();
        const { missing, present } = missingTemplateSheets(names, templateSheets({ locale }));
        progress('writing', 'prepare')(0);
        await nextTask();
        const added = missing.length === 0 ? [] : await host.addSheets(missing, progress('writing', 'prepare'));
        // A sheet the host did not add existed under exactly that name: report it as present too.
        const skipped = missing.map((s) => s.name).filter((n) => !added.includes(n));
        return { step: 'prepare', added: [...added], present: [...present, ...skipped] };
      }),

    generateForms: (raters) =>
      run('forms', async () => {
        const raw = await read('forms');
        const { sheets, issues } = scoringForms(raw, raters, locale);
        progress('writing', 'forms')(0);
        await nextTask();
        const added = sheets.length === 0 ? [] : await host.addSheets(sheets, progress('writing', 'forms'));
        const existed = sheets.map((s) => s.name).filter((n) => !added.includes(n));
        return { step: 'forms', added: [...added], existed, validation: host.capabilities.dataValidation, issues };
      }),

    check: () =>
      run('check', async () => {
        const raw = await read('check');
        return groupIssues(checkWorkbook(raw));
      }),

    compute: () =>
      run('compute', async () => {
        const raw = await read('compute');
        // The engine's own steps (parse 0, compute 0.4, emit 0.8) run in one synchronous call: they are
        // reported for completeness, and the UI shows them once the call returns.
        const report = runWorkbook(raw, { locale, onProgress: (_stage, fraction) => progress('computing', 'compute')(fraction) });
        progress('writing', 'compute')(0);
        await nextTask();
        await host.writeOutputs(report.outputs, progress('writing', 'compute'));
        return { step: 'compute', summary: summarise(report), written: report.outputs.map((s) => s.name), check: groupIssues(report.issues) };
      }),

    select: async (issue) => {
      const at = issue.at;
      try {
        await host.select(at.sheet, 'row' in at ? at.row : undefined, 'col' in at ? at.col : undefined);
        return undefined;
      } catch (error) {
        const phase = failure('select', error, locale);
        onPhase(phase);
        return phase;
      }
    },

    roles: async () => formRoles(await host.read()),

    importFiles: (files) =>
      run('import', async () => {
        const reading = progress('reading', 'import');
        reading(0);
        // exceljs comes with the reader, loaded on the first import only (its own chunk).
        const { readWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ '../../cli/xlsx-read');
        const sources: MergeSource[] = [];
        const unreadable: UnreadableFile[] = [];
        for (let i = 0; i < files.length; i++) {
          const file = files[i];
          if (file === undefined) continue;
          try {
            sources.push({ name: file.name, workbook: await readWorkbook(await file.arrayBuffer()) });
          } catch (e) {
            unreadable.push({ name: file.name, detail: e instanceof Error ? e.message : String(e) });
          }
          reading((i + 1) / (files.length + 1));
          await nextTask();
        }
        const master = await host.read();
        reading(1);
        progress('computing', 'import')(0);
        await nextTask();
        const merged = mergeWorkbooks(master, sources);
        return { step: 'import', files: merged.files, unreadable, conflicts: merged.conflicts, issues: merged.issues, plan: merged.plan };
      }),

    applyImport: (preview) =>
      run('import', async () => {
        if (preview.applied !== undefined) return preview;
        progress('writing', 'import')(0);
        await nextTask();
        await host.applyMerge(preview.plan, progress('writing', 'import'));
        return { ...preview, applied: { rows: appendedRows(preview.plan), added: preview.plan.add.map((s) => s.name) } };
      }),

    exportWorkbook: ({ includeScores }) =>
      run('export', async () => {
        const raw = await read('export');
        const report = runWorkbook(raw, { locale });
        const sheets = exportSheets(report, { date: localDate(now()), includeScores, locale });
        const fileName = exportFileName(report.model.settings.year, 'xlsx');
        progress('writing', 'export')(0);
        await nextTask();
        const result = await host.exportWorkbook(sheets, fileName);
        return { step: 'export', format: 'xlsx', result, host: host.kind, fileName, sheets: sheets.map((s) => s.name) } satisfies ExportOutcome;
      }),

    exportCsv: ({ includeScores }) =>
      run('export', async () => {
        const raw = await read('export');
        const report = runWorkbook(raw, { locale });
        const list = exportSheets(report, { date: localDate(now()), includeScores, locale }).find((s) => s.name === PUBLIC_LIST_SHEET);
        if (list === undefined) throw new Error(`the export has no ${PUBLIC_LIST_SHEET} sheet`);
        const fileName = exportFileName(report.model.settings.year, 'csv');
        save(new Blob([toCsv(list)], { type: CSV_MIME }), fileName);
        return { step: 'export', format: 'csv', result: { via: 'downloaded' }, host: host.kind, fileName, sheets: [list.name] } satisfies ExportOutcome;
      }),
  };
}

/**
 * The `branch-rating` command line: argument parsing, files, progress and summaries around the
 * engine facade. No scoring logic lives here; every number comes from runWorkbook/checkWorkbook.
 *
 * Exit codes (product.md): 0 success; 1 the data had errors (the output is still written with
 * everything computable); 2 bad usage, or a file that cannot be read or written.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { checkWorkbook, runWorkbook, type Issue, type Report } from '../engine/index';
import { a1 } from '../engine/location';
import { renderIssue } from '../engine/messages';
import { sampleSheets, templateSheets } from '../engine/template';
import { CLI_LOCALES, cliMessages, displayWidth, formatDuration, padEnd, type CliLocale, type CliMessages } from './messages';
import { WorkbookFormatError, loadExcelWorkbook, rawFromExcel } from './xlsx-read';
import { addOutputSheets, workbookBytes, writeNewWorkbook } from './xlsx-write';
import { mergeCommand } from './merge';
import { addCharts } from './xlsx-chart';
import { exportBytes, exportFormatOf, isExportSheet, localDate } from './export';
import { EXPORT_SHEET_NAMES } from '../engine/export/index';

/** Where the CLI writes; tests pass collectors, bin.js passes the process streams. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

const PROCESS_IO: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

type Command = 'template' | 'score' | 'check' | 'export' | 'merge';
const COMMANDS: readonly Command[] = ['template', 'score', 'check', 'export', 'merge'];

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  form: { type: 'string' },
  lang: { type: 'string' },
  sheet: { type: 'string' },
  scores: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof typeof OPTIONS;

const ALLOWED: Readonly<Record<Command, readonly OptionName[]>> = {
  template: ['output', 'sample', 'seed', 'form', 'lang', 'help'],
  score: ['output', 'lang', 'help'],
  check: ['lang', 'help'],
  merge: ['output', 'lang', 'help'],
  export: ['output', 'sheet', 'scores', 'lang', 'help'],
};

/** A problem that stops the command; the message is already in the user's language (exit 2). */
class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** Run the CLI on `argv` (without node and script); resolves to the exit code. Never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const locale = langFromArgv(argv);
  const m = cliMessages(locale ?? 'zh-CN');
  try {
    return await run(argv, io, m);
  } catch (e) {
    if (e instanceof CliFailure) {
      io.stderr(`${e.message}\n`);
    } else {
      io.stderr(`${m.internalError(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    }
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo, m: CliMessages): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliFailure(m.badOption(e instanceof Error ? e.message : String(e)));
  }
  const { values, positionals } = parsed;
  const [cmdArg, ...rest] = positionals;
  if (values.help === true) {
    io.stdout(`${m.usage}\n`);
    return 0;
  }
  if (cmdArg === undefined) {
    // No command: usage. Only a bare call (or one with just --lang) is a request for it.
    const onlyLang = Object.entries(values).every(([k, v]) => k === 'lang' || v === undefined);
    (onlyLang ? io.stdout : io.stderr)(`${m.usage}\n`);
    return onlyLang ? 0 : 2;
  }
  if (!isCommand(cmdArg)) throw new CliFailure(m.unknownCommand(cmdArg));
  const cmd = cmdArg;
  for (const name of Object.keys(values) as OptionName[]) {
    if (values[name] !== undefined && !ALLOWED[cmd].includes(name)) throw new CliFailure(m.optionNotFor(`--${name}`, cmd));
  }
  const locale = parseLocale(values.lang, m);

  switch (cmd) {
    case 'template': {
      if (rest.length > 0) throw new CliFailure(m.extraArguments(rest.join(' ')));
      const output = requireOutput(values.output, cmd, m);
      return template(output, values, locale, io, m);
    }
    case 'score': {
      const [input, ...extra] = rest;
      if (input === undefined) throw new CliFailure(m.missingInput(cmd));
      if (extra.length > 0) throw new CliFailure(m.extraArguments(extra.join(' ')));
      const output = requireOutput(values.output, cmd, m);
      return score(input, output, locale, io, m);
    }
    case 'check': {
      const [input, ...extra] = rest;
      if (input === undefined) throw new CliFailure(m.missingInput(cmd));
      if (extra.length > 0) throw new CliFailure(m.extraArguments(extra.join(' ')));
      return check(input, locale, io, m);
    }
    case 'merge': {
      const [master, ...files] = rest;
      if (master === undefined || files.length === 0) throw new CliFailure(m.missingInput(cmd));
      const output = requireOutput(values.output, cmd, m);
      return mergeCommand(master, files, output, locale, { ...io, readInput, openWorkbook, writeAtomically }, m);
    }
    case 'export': {
      const [input, ...extra] = rest;
      if (input === undefined) throw new CliFailure(m.missingInput(cmd));
      if (extra.length > 0) throw new CliFailure(m.extraArguments(extra.join(' ')));
      return exportCommand(input, values, locale, io, m);
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

async function template(
  output: string,
  values: { sample?: string | undefined; seed?: string | undefined; form?: string | undefined },
  locale: CliLocale,
  io: CliIo,
  m: CliMessages,
): Promise<number> {
  if (values.sample === undefined && (values.seed !== undefined || values.form !== undefined)) {
    throw new CliFailure(m.needsSample(values.seed !== undefined ? '--seed' : '--form'));
  }
  let sheets;
  if (values.sample === undefined) {
    sheets = templateSheets({ locale });
  } else {
    const branches = positiveInteger(values.sample, '--sample', m);
    const seed = values.seed === undefined ? undefined : integer(values.seed, '--seed', m);
    const form = values.form;
    if (form !== undefined && form !== 'wide' && form !== 'long') throw new CliFailure(m.badValue('--form', form, 'wide | long'));
    sheets = sampleSheets({
      branches,
      locale,
      ...(seed === undefined ? {} : { seed }),
      ...(form === undefined ? {} : { form }),
    });
  }
  const t0 = performance.now();
  const bytes = await writeNewWorkbook(sheets);
  await writeAtomically(output, bytes, m);
  io.stderr(`${m.writing(output, formatDuration(performance.now() - t0))}\n`);
  io.stdout(`${m.written(resolve(output))}\n`);
  return 0;
}

async function score(input: string, output: string, locale: CliLocale, io: CliIo, m: CliMessages): Promise<number> {
  let t = performance.now();
  const bytes = await readInput(input, m);
  // One full load serves both reading and writing: at 2,000 branches a second parse would cost
  // as much again as the first (docs/performance.md).
  const wb = await openWorkbook(input, bytes, false, m);
  const raw = rawFromExcel(wb);
  io.stderr(`${m.reading(input, formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  const report = runWorkbook(raw, { locale });
  io.stderr(`${m.computing(formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  addOutputSheets(wb, report.outputs);
  await writeAtomically(output, await addCharts(await workbookBytes(wb), report.outputs), m);
  io.stderr(`${m.writing(output, formatDuration(performance.now() - t))}\n`);

  io.stdout(summary(report, input, output, m));
  return report.hasErrors ? 1 : 0;
}

async function check(input: string, locale: CliLocale, io: CliIo, m: CliMessages): Promise<number> {
  const t = performance.now();
  const bytes = await readInput(input, m);
  const raw = rawFromExcel(await openWorkbook(input, bytes, true, m));
  io.stderr(`${m.reading(input, formatDuration(performance.now() - t))}\n`);
  const issues = checkWorkbook(raw);
  io.stdout(issueTable(issues, locale, m));
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/**
 * `export IN -o OUT.xlsx|OUT.csv [--sheet S] [--scores]`: grade IN as `score` would (so the export
 * shows the current data), then write the print-ready summaries (cli/export.ts). IN is not changed.
 */
async function exportCommand(
  input: string,
  values: { output?: string | undefined; sheet?: string | undefined; scores?: boolean | undefined },
  locale: CliLocale,
  io: CliIo,
  m: CliMessages,
): Promise<number> {
  const output = values.output;
  if (output === undefined || output.trim() === '') throw new CliFailure(m.missingOutput('export'));
  const format = exportFormatOf(output);
  if (format === null) throw new CliFailure(m.notExportName(output));
  if (values.sheet !== undefined) {
    if (format !== 'csv') throw new CliFailure(m.sheetOnlyForCsv);
    if (!isExportSheet(values.sheet)) throw new CliFailure(m.badValue('--sheet', values.sheet, EXPORT_SHEET_NAMES.join(' | ')));
  }

  let t = performance.now();
  const bytes = await readInput(input, m);
  const raw = rawFromExcel(await openWorkbook(input, bytes, true, m));
  io.stderr(`${m.reading(input, formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  const report = runWorkbook(raw, { locale });
  io.stderr(`${m.computing(formatDuration(performance.now() - t))}\n`);

  t = performance.now();
  const out = await exportBytes(report, {
    format,
    date: localDate(),
    includeScores: values.scores === true,
    locale,
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
  });
  await writeAtomically(output, out, m);
  io.stderr(`${m.writing(output, formatDuration(performance.now() - t))}\n`);

  io.stdout(summary(report, input, output, m));
  return report.hasErrors ? 1 : 0;
}

// ── output text ───────────────────────────────────────────────────────────────────────────────

function summary(report: Report, input: string, output: string, m: CliMessages): string {
  const { summary: s } = report;
  const names = report.model.settings.gradeNames;
  const grades = names.map((name, i) => `${name} ${s.gradeCounts[i] ?? 0}`);
  grades.push(`${m.unrated} ${s.unrated}`);
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const lines = [
    `${m.gradeDistribution}${m.labelSep}${grades.join(' · ')}`,
    `${m.allStrong}${m.labelSep}${s.allStrong}`,
    `${m.redFlag}${m.labelSep}${s.redFlag}`,
    `${m.gaps}${m.labelSep}${s.gaps}`,
    m.issueCounts(errors, warnings),
  ];
  if (errors > 0) lines.push(m.errorsHint(input));
  lines.push(m.written(resolve(output)));
  return `${lines.join('\n')}\n`;
}

/** Issues as an aligned table: 级别 工作表 单元格 代码 说明, then a count line. */
function issueTable(issues: readonly Issue[], locale: CliLocale, m: CliMessages): string {
  if (issues.length === 0) return `${m.noIssues}\n`;
  const rows: string[][] = [
    [...m.checkHeader],
    ...issues.map((i) => [m.severity[i.severity], i.at.sheet, a1(i.at), i.code, renderIssue(i, locale)]),
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  const lines = rows.map((r) => r.map((cell, c) => (c < 4 ? padEnd(cell, widths[c] ?? 0) : cell)).join('  ').trimEnd());
  const errors = issues.filter((i) => i.severity === 'error').length;
  lines.push('', m.checkTotal(errors, issues.length - errors));
  return `${lines.join('\n')}\n`;
}

// ── files ─────────────────────────────────────────────────────────────────────────────────────

async function readInput(file: string, m: CliMessages): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') throw new CliFailure(m.fileMissing(file));
    if (code === 'EISDIR') throw new CliFailure(m.fileIsDirectory(file));
    if (code === 'EACCES' || code === 'EPERM') throw new CliFailure(m.fileNoAccess(file));
    throw new CliFailure(m.fileReadFailed(file, errorText(e)));
  }
  // An .xlsx is a zip (PK\3\4). The OLE2 signature is an old .xls or an encrypted .xlsx.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new CliFailure(m.fileOldXls(file));
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new CliFailure(m.fileNotXlsx(file, 'not a zip archive'));
  return bytes;
}

async function openWorkbook(file: string, bytes: Uint8Array, valuesOnly: boolean, m: CliMessages) {
  try {
    return await loadExcelWorkbook(bytes, valuesOnly);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new CliFailure(m.fileNotXlsx(file, e.message));
    throw e;
  }
}

/**
 * Write beside the target, then rename over it: a failed or interrupted write never leaves half a
 * file, and OUT may be IN (the input was read whole before).
 */
async function writeAtomically(file: string, bytes: Uint8Array, m: CliMessages): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined); // the temp file may never have been created
    const code = errnoCode(e);
    if (code === 'ENOENT') throw new CliFailure(m.writeNoDir(file));
    if (code === 'EBUSY' || code === 'EPERM') throw new CliFailure(m.writeBusy(file));
    throw new CliFailure(m.writeFailed(file, errorText(e)));
  }
}

// ── arguments ─────────────────────────────────────────────────────────────────────────────────

function isCommand(s: string): s is Command {
  return (COMMANDS as readonly string[]).includes(s);
}

/** --lang is looked at before parsing so that even a parse error speaks the asked language. */
function langFromArgv(argv: readonly string[]): CliLocale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && (CLI_LOCALES as readonly string[]).includes(v)) return v as CliLocale;
  }
  return undefined;
}

function parseLocale(v: string | undefined, m: CliMessages): CliLocale {
  if (v === undefined) return 'zh-CN';
  if ((CLI_LOCALES as readonly string[]).includes(v)) return v as CliLocale;
  throw new CliFailure(m.badValue('--lang', v, CLI_LOCALES.join(' | ')));
}

function requireOutput(v: string | undefined, cmd: Command, m: CliMessages): string {
  if (v === undefined || v.trim() === '') throw new CliFailure(m.missingOutput(cmd));
  if (!/\.xlsx$/i.test(v)) throw new CliFailure(m.notXlsxName(v));
  return v;
}

function positiveInteger(v: string, option: string, m: CliMessages): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1) throw new CliFailure(m.badValue(option, v, '≥ 1'));
  return n;
}

function integer(v: string, option: string, m: CliMessages): number {
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new CliFailure(m.badValue(option, v, 'integer'));
  return n;
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Shared by the CLI tests: temp dirs, running main() with captured output, editing .xlsx files. */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { readWorkbook } from '../../cli/xlsx-read';
import type { RawSheet, RawWorkbook, Scalar } from '../../engine/raw';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run main() in-process with collected stdout/stderr. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** A fresh temp dir and a function that removes it. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `br-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function readRaw(file: string): Promise<RawWorkbook> {
  return readWorkbook(await readFile(file));
}

export function sheetOf(raw: RawWorkbook, name: string): RawSheet {
  const s = raw.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${raw.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** A table sheet as objects keyed by the header in row `headerRow` (0-based). */
export function records(sheet: RawSheet, headerRow = 0): Record<string, Scalar>[] {
  const header = (sheet.cells[headerRow] ?? []).map((h) => String(h ?? ''));
  return sheet.cells.slice(headerRow + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null])));
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return wb;
}

export async function saveXlsx(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFile(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The 1-based column of a header text in a worksheet's header row. */
export function columnOf(ws: ExcelJS.Worksheet, header: string, headerRow = 1): number {
  let found = -1;
  ws.getRow(headerRow).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (found < 0) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}

/** The 1-based row whose `keyHeader` column equals `key`. */
export function rowOf(ws: ExcelJS.Worksheet, keyHeader: string, key: string, headerRow = 1): number {
  const col = columnOf(ws, keyHeader, headerRow);
  for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === key) return r;
  throw new Error(`no row ${keyHeader}=${key} in ${ws.name}`);
}

/** Write a small generated sample workbook (the real `template --sample`) and return its path. */
export async function sampleFile(dir: string, name: string, branches = 12): Promise<string> {
  const file = join(dir, name);
  const run = await runCli(['template', '--sample', String(branches), '--seed', '7', '-o', file]);
  if (run.code !== 0) throw new Error(`template failed: ${run.stderr}`);
  return file;
}

/**
 * A tiny in-memory WorkbookHost for the task pane's tests: sheets as RawSheets, every call recorded,
 * any method made to fail, and read() optionally held until the test releases it.
 */
import { vi } from 'vitest';
import type { ExportResult, HostCapabilities, Progress, WorkbookHost } from '../../../addin/host';
import { applyPlan, type MergePlan } from '../../../engine/merge';
import type { OutputSheet } from '../../../engine/output';
import type { RawSheet, RawWorkbook } from '../../../engine/raw';
import { sheetToRaw } from '../../../engine/template';

export interface FakeHostOptions {
  readonly capabilities?: Partial<HostCapabilities>;
  /** read() waits for this promise before answering. */
  readonly gate?: Promise<void>;
  /** Errors thrown by a method (read, writeOutputs, addSheets, select, sheetNames). */
  readonly fail?: Partial<Record<'read' | 'writeOutputs' | 'addSheets' | 'select' | 'sheetNames' | 'applyMerge' | 'exportWorkbook', unknown>>;
  /** What exportWorkbook answers (default: downloaded, as the web page). */
  readonly exportResult?: ExportResult;
}

export interface FakeHost extends WorkbookHost {
  readonly sheets: RawSheet[];
  readonly read: ReturnType<typeof vi.fn<(progress?: Progress) => Promise<RawWorkbook>>>;
  readonly writeOutputs: ReturnType<typeof vi.fn<(sheets: readonly OutputSheet[], progress?: Progress) => Promise<void>>>;
  readonly addSheets: ReturnType<typeof vi.fn<(sheets: readonly OutputSheet[], progress?: Progress) => Promise<readonly string[]>>>;
  readonly select: ReturnType<typeof vi.fn<(sheet: string, row?: number, col?: number) => Promise<void>>>;
  readonly applyMerge: ReturnType<typeof vi.fn<(plan: MergePlan, progress?: Progress) => Promise<void>>>;
  readonly exportWorkbook: ReturnType<typeof vi.fn<(sheets: readonly OutputSheet[], fileName: string) => Promise<ExportResult>>>;
}

export function fakeHost(raw: RawWorkbook = { sheets: [] }, options: FakeHostOptions = {}): FakeHost {
  const sheets: RawSheet[] = [...raw.sheets];
  const fail = options.fail ?? {};
  const check = (method: keyof NonNullable<FakeHostOptions['fail']>) => {
    if (method in fail) throw fail[method];
  };
  const put = (s: OutputSheet) => {
    const i = sheets.findIndex((x) => x.name === s.name);
    if (i >= 0) sheets[i] = sheetToRaw(s);
    else sheets.push(sheetToRaw(s));
  };
  return {
    kind: 'web',
    capabilities: { dataValidation: true, charts: false, ...options.capabilities },
    sheets,
    sheetNames: vi.fn(async () => {
      check('sheetNames');
      return sheets.map((s) => s.name);
    }),
    read: vi.fn(async (progress?: Progress) => {
      if (options.gate) await options.gate;
      check('read');
      progress?.(0.5);
      progress?.(1);
      return { sheets: [...sheets] };
    }),
    writeOutputs: vi.fn(async (out: readonly OutputSheet[], progress?: Progress) => {
      check('writeOutputs');
      out.forEach((s, i) => {
        put(s);
        progress?.((i + 1) / out.length);
      });
    }),
    addSheets: vi.fn(async (add: readonly OutputSheet[]) => {
      check('addSheets');
      const fresh = add.filter((s) => !sheets.some((x) => x.name === s.name));
      fresh.forEach(put);
      return fresh.map((s) => s.name);
    }),
    select: vi.fn(async () => {
      check('select');
    }),
    // The engine's own reading of a plan: what a host's workbook reads back as after applying it.
    applyMerge: vi.fn(async (plan: MergePlan) => {
      check('applyMerge');
      sheets.splice(0, sheets.length, ...applyPlan({ sheets }, plan).sheets);
    }),
    exportWorkbook: vi.fn(async () => {
      check('exportWorkbook');
      return options.exportResult ?? { via: 'downloaded' };
    }),
  };
}

/** A promise and the function that resolves it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

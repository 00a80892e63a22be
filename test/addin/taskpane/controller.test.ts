import { describe, expect, it } from 'vitest';
import { HostError } from '../../../addin/host';
import { createController, exportFileName, failure, localDate } from '../../../addin/taskpane/controller';
import { pickLocale, strings } from '../../../addin/taskpane/i18n';
import { INITIAL, reducer, type Phase } from '../../../addin/taskpane/state';
import { checkWorkbook, runWorkbook } from '../../../engine';
import { parseWorkbook } from '../../../engine/parse';
import { sampleWorkbook, templateSheets } from '../../../engine/template';
import { fakeHost } from './fakeHost';
import { basicWorkbook, workbookWithBadScore } from './workbooks';

function recorder() {
  const phases: Phase[] = [];
  return { phases, onPhase: (p: Phase) => phases.push(p), kinds: () => [...new Set(phases.map((p) => p.kind))] };
}

describe('prepare', () => {
  it('adds every template sheet to an empty workbook', async () => {
    const host = fakeHost();
    const rec = recorder();
    const done = await createController(host, rec.onPhase).prepare();
    const names = templateSheets().map((s) => s.name);
    expect(done).toEqual({ kind: 'done', step: 'prepare', outcome: { step: 'prepare', added: names, present: [] } });
    expect(host.sheets.map((s) => s.name)).toEqual(names);
    expect(rec.phases.at(-1)).toBe(done);
  });

  it('never touches the sheets the workbook has, by name or by kind', async () => {
    const raw = basicWorkbook();
    const host = fakeHost({ sheets: [{ name: 'Branches', cells: [['支部编号']] }, ...raw.sheets.slice(1)] });
    const before = structuredClone(host.sheets);
    const done = await createController(host, () => {}).prepare();
    if (done.kind !== 'done' || done.step !== 'prepare') throw new Error(done.kind);
    expect(done.outcome.present).toEqual(['支部', '指标', '参数']);
    expect(done.outcome.added).not.toContain('支部');
    const added = host.addSheets.mock.calls[0]?.[0].map((s) => s.name);
    expect(added).toEqual(done.outcome.added);
    expect(host.sheets.slice(0, before.length)).toEqual(before);
  });

  it('turns a protected workbook into a failure that says what to do', async () => {
    const host = fakeHost({ sheets: [] }, { fail: { addSheets: new HostError('protected', 'Sheet is protected', 'AccessDenied') } });
    const done = await createController(host, () => {}).prepare();
    expect(done).toEqual({ kind: 'failed', step: 'prepare', message: '创建工作表失败。工作表或工作簿受保护。请在“审阅”选项卡中撤销保护后重试。', detail: 'Sheet is protected\nAccessDenied' });
  });
});

describe('generateForms', () => {
  it('adds one form per rater, reports data validation, and the forms parse back', async () => {
    const host = fakeHost(basicWorkbook(), { capabilities: { dataValidation: false } });
    const done = await createController(host, () => {}).generateForms([
      { name: '张三', role: '上级' },
      { name: '李四', role: '自评' },
    ]);
    expect(done).toMatchObject({ kind: 'done', outcome: { step: 'forms', added: ['评分-张三', '评分-李四'], existed: [], validation: false, issues: [] } });
    const forms = host.addSheets.mock.calls[0]?.[0] ?? [];
    expect(forms.every((f) => (f.validations?.length ?? 0) > 0)).toBe(true);
    const parsed = parseWorkbook({ sheets: host.sheets });
    expect(parsed.issues.filter((i) => i.at.sheet.startsWith('评分-') && i.severity === 'error')).toEqual([]);
  });

  it('leaves an existing form alone and says so', async () => {
    const host = fakeHost(basicWorkbook());
    const c = createController(host, () => {});
    await c.generateForms([{ name: '张三', role: '上级' }]);
    const again = await c.generateForms([{ name: '张三', role: '自评' }]);
    expect(again).toMatchObject({ kind: 'done', outcome: { added: [], existed: ['评分-张三'] } });
  });

  it('makes no form without 支部 and returns the issue', async () => {
    const host = fakeHost({ sheets: [] });
    const done = await createController(host, () => {}).generateForms([{ name: '张三', role: '上级' }]);
    if (done.kind !== 'done' || done.step !== 'forms') throw new Error(done.kind);
    expect(done.outcome.added).toEqual([]);
    expect(done.outcome.issues.map((i) => i.code)).toContain('SHEET_MISSING');
    expect(host.addSheets).not.toHaveBeenCalled();
  });
});

describe('check', () => {
  it('groups the engine’s issues by sheet with their counts, reporting reading then computing', async () => {
    const raw = workbookWithBadScore();
    const rec = recorder();
    const done = await createController(fakeHost(raw), rec.onPhase).check();
    const issues = checkWorkbook(raw);
    if (done.kind !== 'done' || done.step !== 'check') throw new Error(done.kind);
    expect(done.outcome.groups.flatMap((g) => g.issues)).toEqual(issues);
    expect(done.outcome.errors).toBe(issues.filter((i) => i.severity === 'error').length);
    expect(done.outcome.errors + done.outcome.warnings).toBe(issues.length);
    const form = done.outcome.groups.find((g) => g.sheet === '评分-张三');
    expect(form?.issues.map((i) => i.code)).toContain('SCORE_OUT_OF_RANGE');
    expect(new Set(done.outcome.groups.map((g) => g.sheet)).size).toBe(done.outcome.groups.length);
    expect(rec.kinds()).toEqual(['reading', 'computing', 'done']);
    expect(rec.phases.filter((p) => p.kind === 'reading').map((p) => ('fraction' in p ? p.fraction : -1))).toEqual([0, 0.5, 1]);
  });

  it('turns an Excel in cell-edit mode into a failure that says to finish editing', async () => {
    const host = fakeHost(basicWorkbook(), { fail: { read: new HostError('busy', 'InvalidOperationInCellEditMode') } });
    const done = await createController(host, () => {}).check();
    expect(done).toMatchObject({ kind: 'failed', step: 'check', detail: 'InvalidOperationInCellEditMode' });
    expect(done.kind === 'failed' && done.message).toContain('请按 Enter 或 Esc 结束编辑');
  });

  it('reports any other error as unexpected, with its words as the detail', async () => {
    const host = fakeHost(basicWorkbook(), { fail: { read: new TypeError('boom') } });
    const done = await createController(host, () => {}, 'en-US').check();
    expect(done).toEqual({ kind: 'failed', step: 'check', message: `The check failed. ${strings('en-US').unexpected}`, detail: 'TypeError: boom' });
  });
});

describe('compute', () => {
  it('writes every output sheet and summarises the same counts as the engine', async () => {
    const raw = sampleWorkbook({ branches: 30 });
    const host = fakeHost(raw);
    const rec = recorder();
    const done = await createController(host, rec.onPhase).compute();
    const report = runWorkbook(raw);
    if (done.kind !== 'done' || done.step !== 'compute') throw new Error(done.kind);
    expect(done.outcome.written).toEqual(report.outputs.map((s) => s.name));
    expect(host.writeOutputs.mock.calls[0]?.[0]).toEqual(report.outputs);
    const s = done.outcome.summary;
    expect([...s.gradeCounts, s.unrated]).toEqual(report.summary.gradeCounts);
    expect([s.allStrong, s.redFlag, s.gaps]).toEqual([report.summary.allStrong, report.summary.redFlag, report.summary.gaps]);
    expect(done.outcome.check.groups.flatMap((g) => g.issues)).toEqual(report.issues);
    expect(rec.kinds()).toEqual(['reading', 'computing', 'writing', 'done']);
    expect(rec.phases.filter((p) => p.kind === 'writing').at(-1)).toMatchObject({ fraction: 1 });
  });

  it('yields to the event loop between reading and writing', async () => {
    const order: string[] = [];
    const host = fakeHost(basicWorkbook());
    const read = host.read.getMockImplementation();
    host.read.mockImplementation(async (p) => {
      setTimeout(() => order.push('task'), 0);
      return read!(p);
    });
    host.writeOutputs.mockImplementation(async () => {
      order.push('write');
    });
    await createController(host, () => {}).compute();
    expect(order).toEqual(['task', 'write']);
  });

  it('fails with what to do when the output is too large for Excel', async () => {
    const host = fakeHost(basicWorkbook(), { fail: { writeOutputs: new HostError('tooLarge', 'RequestPayloadSizeLimitExceeded') } });
    const done = await createController(host, () => {}).compute();
    expect(done).toMatchObject({ kind: 'failed', step: 'compute', message: `计算失败。${strings('zh-CN').hostError.tooLarge}` });
  });
});

describe('select', () => {
  it('selects the issue’s cell, row or sheet', async () => {
    const host = fakeHost();
    const c = createController(host, () => {});
    const issues = checkWorkbook(workbookWithBadScore());
    const cell = issues.find((i) => i.code === 'SCORE_OUT_OF_RANGE');
    if (!cell || !('row' in cell.at) || !('col' in cell.at)) throw new Error('no cell issue');
    expect(await c.select(cell)).toBeUndefined();
    expect(host.select).toHaveBeenLastCalledWith('评分-张三', cell.at.row, cell.at.col);
    const sheetOnly = checkWorkbook({ sheets: [] }).find((i) => !('row' in i.at));
    if (!sheetOnly) throw new Error('no sheet issue');
    await c.select(sheetOnly);
    expect(host.select).toHaveBeenLastCalledWith(sheetOnly.at.sheet, undefined, undefined);
  });

  it('reports a failed selection without throwing', async () => {
    const rec = recorder();
    const host = fakeHost({ sheets: [] }, { fail: { select: new HostError('unknown', 'ItemNotFound') } });
    const issue = checkWorkbook({ sheets: [] })[0]!;
    const phase = await createController(host, rec.onPhase).select(issue);
    expect(phase).toMatchObject({ kind: 'failed', step: 'select', detail: 'ItemNotFound' });
    expect(rec.phases).toEqual([phase]);
  });
});

describe('roles', () => {
  it('reads the roles 参数 weighs', async () => {
    expect(await createController(fakeHost(basicWorkbook()), () => {}).roles()).toEqual(['上级', '自评']);
  });
});

describe('reducer', () => {
  it('keeps every step’s last outcome; a 计算 refreshes the issue list; dismiss clears a failure', async () => {
    const raw = workbookWithBadScore();
    const c = createController(fakeHost(raw), () => {});
    const computed = await c.compute();
    let state = reducer(INITIAL, { type: 'phase', phase: computed });
    expect(state.outcomes.compute).toBeDefined();
    expect(state.outcomes.check?.groups.flatMap((g) => g.issues)).toEqual(runWorkbook(raw).issues);
    const failed = failure('select', new HostError('busy', 'x'), 'zh-CN');
    state = reducer(state, { type: 'phase', phase: failed });
    expect(state.phase).toBe(failed);
    expect(state.outcomes.check).toBeDefined();
    state = reducer(state, { type: 'dismiss' });
    expect(state.phase).toEqual({ kind: 'idle' });
    expect(reducer(state, { type: 'dismiss' })).toBe(state);
  });
});

describe('failure', () => {
  it('has words for every host error code in both languages', () => {
    for (const code of ['busy', 'tooLarge', 'unsupported', 'protected', 'unreadable', 'unknown'] as const) {
      const zh = failure('compute', new HostError(code, 'm'), 'zh-CN');
      const en = failure('compute', new HostError(code, 'm'), 'en-US');
      expect(zh.kind === 'failed' && zh.message).toMatch(/^计算失败。.+。$/);
      expect(en.kind === 'failed' && en.message).toMatch(/^The computation failed\. .+\.$/);
    }
  });
});

describe('pickLocale', () => {
  it('takes English for en* and Chinese for everything else', () => {
    expect(pickLocale('en-US')).toBe('en-US');
    expect(pickLocale('en-gb')).toBe('en-US');
    expect(pickLocale('en')).toBe('en-US');
    expect(pickLocale('zh-CN')).toBe('zh-CN');
    expect(pickLocale('zh-TW')).toBe('zh-CN');
    expect(pickLocale('fr-FR')).toBe('zh-CN');
    expect(pickLocale('eno')).toBe('zh-CN');
    expect(pickLocale(undefined)).toBe('zh-CN');
  });
});

describe('import and export helpers', () => {
  it('names the export by 评定年度 and dates it by the browser calendar', () => {
    expect(exportFileName('2026', 'xlsx')).toBe('2026年度支部评定结果.xlsx');
    expect(exportFileName('2025-2026学年度', 'csv')).toBe('2025-2026学年度支部评定公示名单.csv');
    expect(exportFileName(null, 'xlsx')).toBe('支部评定结果.xlsx');
    expect(exportFileName('2025/2026', 'xlsx')).toBe('2025_2026年度支部评定结果.xlsx');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('applies a previewed merge once: an applied outcome is returned without writing again', async () => {
    const host = fakeHost(basicWorkbook());
    const controller = createController(host, () => {});
    const preview = await controller.importFiles([]);
    if (preview.kind !== 'done' || preview.step !== 'import') throw new Error(preview.kind);
    const applied = await controller.applyImport(preview.outcome);
    if (applied.kind !== 'done' || applied.step !== 'import') throw new Error(applied.kind);
    expect(applied.outcome.applied).toEqual({ rows: [], added: [] });
    expect(host.applyMerge).toHaveBeenCalledTimes(1);
    expect(await controller.applyImport(applied.outcome)).toMatchObject({ kind: 'done', outcome: applied.outcome });
    expect(host.applyMerge).toHaveBeenCalledTimes(1);
  });

  it('turns a failed apply into a failure that keeps the preview for another try', async () => {
    const host = fakeHost(basicWorkbook(), { fail: { applyMerge: new HostError('protected', 'AccessDenied') } });
    let state = INITIAL;
    const controller = createController(host, (phase) => {
      state = reducer(state, { type: 'phase', phase });
    });
    const preview = await controller.importFiles([]);
    if (preview.kind !== 'done' || preview.step !== 'import') throw new Error(preview.kind);
    const failed = await controller.applyImport(preview.outcome);
    expect(failed).toMatchObject({ kind: 'failed', step: 'import', message: `导入失败。${strings('zh-CN').hostError.protected}` });
    expect(state.outcomes.import).toBe(preview.outcome);
  });
});

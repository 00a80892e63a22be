/**
 * cli/xlsx-chart.ts: the chart parts added to a written .xlsx, read back from the zip. LibreOffice's
 * reading of them is in export-libreoffice.test.ts.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../engine/output';
import { addCharts, chartPlacements, columnLetter, rangeRef } from '../../cli/xlsx-chart';
import { readWorkbook } from '../../cli/xlsx-read';
import { workbookBytes, writeNewWorkbook, writeOutputs } from '../../cli/xlsx-write';
import { runCli, sampleFile, tempDir } from './helpers';

const GRADES = ['好', '较好', '一般', '较差'];

function units(name = '单位汇总', preamble: OutputSheet['preamble'] = [['2026年度党支部分类定级单位汇总'], ['导出日期：2026-11-21']]): OutputSheet {
  return {
    name,
    tableName: 'BR_Units',
    ...(preamble === undefined ? {} : { preamble }),
    columns: [{ header: '所属党委' }, { header: '支部数' }, { header: '未评定' }, ...GRADES.map((header) => ({ header })), { header: '问题数' }],
    rows: [
      ['文学院党委', 3, 0, 1, 1, 1, 0, 2],
      ['理学院党委', 2, 1, 0, 1, 0, 0, 5],
      ['合计', 5, 1, 1, 2, 1, 0, 7],
    ],
    freezeColumns: 1,
    highlights: [],
    chart: { title: '各单位等次分布', categoryColumn: '所属党委', seriesColumns: GRADES, excludeLastRow: true },
  };
}

const plain: OutputSheet = { name: '评定结果', tableName: 'BR_Results', columns: [{ header: '支部编号' }], rows: [['001']], freezeColumns: 0, highlights: [] };

interface Parts {
  readonly zip: JSZip;
  text(path: string): Promise<string>;
  /** Worksheet part of a sheet name, through workbook.xml and its rels. */
  sheetPart(name: string): Promise<string>;
}

async function parts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (f === null) throw new Error(`no part ${path}; have ${Object.keys(zip.files).join(', ')}`);
    return f.async('string');
  };
  return {
    zip,
    text,
    async sheetPart(name) {
      const sheet = tags(await text('xl/workbook.xml'), 'sheet').find((t) => attr(t, 'name') === escapeXml(name));
      const id = sheet === undefined ? null : attr(sheet, 'r:id');
      const rel = tags(await text('xl/_rels/workbook.xml.rels'), 'Relationship').find((t) => attr(t, 'Id') === id);
      const target = rel === undefined ? null : attr(rel, 'Target');
      if (target === null) throw new Error(`no part for ${name}`);
      return `xl/${target}`;
    },
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The text, after checking with xmllint that it is well-formed XML (a system package, like soffice). */
function xml(text: string): string {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  if (r.error !== undefined) throw new Error('xmllint is not installed: apt-get install -y libxml2-utils');
  if (r.status !== 0) throw new Error(`not well-formed: ${r.stderr}`);
  return text;
}

/** Opening (or empty) tags named `name`. */
function tags(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => m[0]);
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** Text of every `<name>…</name>` element holding text only, XML entities decoded. */
function texts(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
}

/** The `index`-th `<name>…</name>` element, whole. */
function element(text: string, name: string, index = 0): string {
  const found = [...text.matchAll(new RegExp(`<${name}>[\\s\\S]*?</${name}>`, 'g'))][index]?.[0];
  if (found === undefined) throw new Error(`no <${name}> #${index}`);
  return found;
}

/** Relationship targets by type suffix (`drawing`, `chart`, `table`). */
function targets(relsXml: string, type: string): string[] {
  return tags(xml(relsXml), 'Relationship')
    .filter((t) => attr(t, 'Type')?.endsWith(`/${type}`) === true)
    .map((t) => attr(t, 'Target') ?? '');
}

describe('chart parts', () => {
  it('adds a drawing and a clustered column chart referencing the sheet’s cells', async () => {
    const p = await parts(await writeNewWorkbook([plain, units()]));
    const sheetPart = await p.sheetPart('单位汇总');
    const sheetXml = await p.text(sheetPart);
    // <drawing> sits before <tableParts>, as CT_Worksheet orders them.
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/><tableParts/);
    const rid = /<drawing r:id="(rId\d+)"/.exec(sheetXml)?.[1];
    const sheetRels = await p.text(sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    expect(sheetRels).toContain(`Id="${rid ?? ''}"`);
    expect(targets(sheetRels, 'drawing')).toEqual(['../drawings/drawing1.xml']);
    expect(targets(sheetRels, 'table')).toHaveLength(1); // exceljs's table rel kept

    const drawing = xml(await p.text('xl/drawings/drawing1.xml'));
    expect(tags(drawing, 'xdr:twoCellAnchor')).toHaveLength(1);
    expect(tags(drawing, 'xdr:graphicFrame')).toHaveLength(1);
    // Anchored below the table: 2 title rows + header + 3 rows = row 6 (1-based), one blank row, from row index 7.
    expect(texts(drawing, 'xdr:row')[0]).toBe('7');
    expect(targets(await p.text('xl/drawings/_rels/drawing1.xml.rels'), 'chart')).toEqual(['../charts/chart1.xml']);

    const chart = xml(await p.text('xl/charts/chart1.xml'));
    expect(tags(chart, 'c:barChart')).toHaveLength(1);
    expect(tags(chart, 'c:barDir')).toEqual(['<c:barDir val="col"/>']);
    expect(tags(chart, 'c:grouping')).toEqual(['<c:grouping val="clustered"/>']);
    expect(tags(chart, 'c:ser')).toHaveLength(4);
    // Header row 3; data rows 4–5 (合计 on row 6 left out); categories in A, grades in D–G.
    expect(texts(chart, 'c:f')).toEqual(
      ['D', 'E', 'F', 'G'].flatMap((c) => [`'单位汇总'!$${c}$3`, `'单位汇总'!$A$4:$A$5`, `'单位汇总'!$${c}$4:$${c}$5`]),
    );
    expect(texts(chart, 'a:t')).toEqual(['各单位等次分布']);
    // Cached values: the series names, the categories, the counts.
    const ser = element(chart, 'c:ser', 1);
    expect(texts(element(ser, 'c:tx'), 'c:v')).toEqual(['较好']);
    expect(texts(element(ser, 'c:cat'), 'c:v')).toEqual(['文学院党委', '理学院党委']);
    expect(texts(element(ser, 'c:val'), 'c:v')).toEqual(['1', '1']);

    const types = await p.text('[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    xml(types);
    xml(sheetXml);
    // Parts only: no folder entries of ours (exceljs writes its own, which Excel ignores).
    expect(Object.values(p.zip.files).filter((f) => f.dir && /charts|drawings/.test(f.name))).toEqual([]);
  });

  it('leaves the workbook readable: exceljs opens it, cells unchanged', async () => {
    const bytes = await writeNewWorkbook([plain, units()]);
    const raw = await readWorkbook(bytes);
    expect(raw.sheets.map((s) => s.name)).toEqual(['评定结果', '单位汇总']);
    expect(raw.sheets[1]?.cells[2]).toEqual(['所属党委', '支部数', '未评定', '好', '较好', '一般', '较差', '问题数']);
    expect(raw.sheets[1]?.cells[5]?.[0]).toBe('合计');
  });

  it('quotes the sheet name in references, doubling its quotes', async () => {
    expect(rangeRef("O'Neil 汇总", 1, 2, 5)).toBe("'O''Neil 汇总'!$A$2:$A$5");
    expect(rangeRef('单位汇总', 28, 3)).toBe("'单位汇总'!$AB$3");
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    const p = await parts(await writeNewWorkbook([units("O'Neil & 汇总", [])]));
    const chart = xml(await p.text('xl/charts/chart1.xml'));
    expect(texts(chart, 'c:f')[0]).toBe("'O''Neil & 汇总'!$D$1");
  });

  it('numbers the parts of several charts', async () => {
    const p = await parts(await writeNewWorkbook([units('甲'), plain, units('乙')]));
    expect(Object.keys(p.zip.files).filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/drawing2.xml',
    ]);
    expect(texts(xml(await p.text('xl/charts/chart2.xml')), 'c:f')[0]).toBe("'乙'!$D$3");
  });

  it('returns the bytes untouched when no sheet has a chart', async () => {
    const bytes = await writeNewWorkbook([plain]);
    expect(await addCharts(bytes, [plain])).toBe(bytes);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).some((f) => f.includes('chart'))).toBe(false);
  });

  it('charts the columns a sheet has; none without a category column or data rows', () => {
    const base = units();
    const partial: OutputSheet = { ...base, chart: { ...(base.chart as NonNullable<OutputSheet['chart']>), seriesColumns: ['好', '优秀', '较差'] } };
    expect(chartPlacements([partial])[0]?.seriesColumns).toEqual([4, 7]);
    const noCategory: OutputSheet = { ...base, chart: { ...(base.chart as NonNullable<OutputSheet['chart']>), categoryColumn: '单位' } };
    const onlyTotal: OutputSheet = { ...base, rows: [['合计', 0, 0, 0, 0, 0, 0, 0]] };
    expect(chartPlacements([noCategory, onlyTotal, plain])).toEqual([]);
  });

  it('joins a drawing the sheet already has (a picture) instead of adding a second one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位汇总');
    ws.addRows([['所属党委', '支部数', '未评定', ...GRADES, '问题数'], ['文学院党委', 3, 0, 1, 1, 1, 0, 2], ['合计', 3, 0, 1, 1, 1, 0, 2]]);
    // A 1×1 PNG.
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(image, 'J1:K2');
    const bytes = await addCharts(await workbookBytes(wb), [units('单位汇总', [])]);
    const p = await parts(bytes);
    const sheetXml = await p.text(await p.sheetPart('单位汇总'));
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    const drawings = Object.keys(p.zip.files).filter((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f));
    expect(drawings).toHaveLength(1);
    const drawing = xml(await p.text(drawings[0] as string));
    expect(tags(drawing, 'xdr:pic')).toHaveLength(1);
    expect(tags(drawing, 'xdr:graphicFrame')).toHaveLength(1);
    const ids = tags(drawing, 'xdr:cNvPr').map((t) => attr(t, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    const rels = await p.text((drawings[0] as string).replace('drawings/', 'drawings/_rels/') + '.rels');
    expect(targets(rels, 'image')).toHaveLength(1);
    expect(targets(rels, 'chart')).toEqual(['../charts/chart1.xml']);
    await readWorkbook(bytes);
  });

  it('writes the chart into a scored workbook, and re-scoring keeps exactly one', async () => {
    const input = await writeNewWorkbook([plain]);
    const once = await writeOutputs(input, [units()]);
    const twice = await writeOutputs(once, [units()]);
    for (const bytes of [once, twice]) {
      const files = Object.keys((await JSZip.loadAsync(bytes)).files);
      expect(files.filter((f) => /^xl\/charts\/[^/]+\.xml$/.test(f))).toEqual(['xl/charts/chart1.xml']);
    }
    const p = await parts(twice);
    expect(await p.text(await p.sheetPart('单位汇总'))).toContain('<drawing ');
  });
});

describe('score', () => {
  it('writes the 单位汇总 chart into the scored workbook', async () => {
    const { dir, cleanup } = await tempDir('chart-score');
    try {
      const sample = await sampleFile(dir, 'sample.xlsx', 5);
      const out = join(dir, 'out.xlsx');
      expect((await runCli(['score', sample, '-o', out])).code).toBe(0);
      const p = await parts(await readFile(out));
      const chart = xml(await p.text('xl/charts/chart1.xml'));
      // No title rows in score's 单位汇总: the header is row 1; 5 branches → 5 units on rows 2–6, 合计 on 7.
      expect(texts(chart, 'c:f').slice(0, 3)).toEqual(["'单位汇总'!$D$1", "'单位汇总'!$A$2:$A$6", "'单位汇总'!$D$2:$D$6"]);
      expect(await p.text(await p.sheetPart('单位汇总'))).toContain('<drawing ');
    } finally {
      await cleanup();
    }
  });
});

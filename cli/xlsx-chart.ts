/**
 * Charts in a written .xlsx (OutputSheet.chart: 单位汇总's grade distribution). exceljs cannot write
 * charts, so this post-processes the zip exceljs wrote: for each sheet with a ChartSpec it adds a
 * DrawingML chart part (a clustered column chart, one series per grade column), a drawing part that
 * anchors it below the table, the relationships between sheet → drawing → chart, and the content
 * types. No Node-only code here: the web page can run it too (JSZip is exceljs's own zip library).
 *
 * The chart references the sheet's cells (`'单位汇总'!$D$2:$D$6`), so Excel and LibreOffice redraw it
 * from the data; the cached values written with it let viewers that do not recalculate show it too.
 *
 * Part layout (ECMA-376 Part 1):
 *   xl/worksheets/sheetN.xml ──<drawing r:id>──▶ xl/drawings/drawingK.xml ──<c:chart r:id>──▶ xl/charts/chartJ.xml
 */
import JSZip from 'jszip';
import type { ChartSpec, OutputSheet, OutputValue } from '../engine/output';

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;
const REL_DRAWING = `${NS.rel}/drawing`;
const REL_CHART = `${NS.rel}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Size of the chart in cells: about 10 default-width columns by 20 rows (~16 × 10 cm). */
const CHART_COLUMNS = 10;
const CHART_ROWS = 20;

/** A workbook part is missing or not what the package says it is (a bug in the writer, not user data). */
export class ChartWriteError extends Error {
  override readonly name = 'ChartWriteError';
}

/** Where a chart goes and what it reads, in sheet coordinates (1-based rows and columns, as A1 uses). */
export interface ChartPlacement {
  readonly sheet: string;
  readonly title: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
  /** Cached values (category texts, series names and numbers) for viewers that do not recalculate. */
  readonly categories: readonly string[];
  readonly seriesNames: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
  /** The top-left cell of the chart (0-based column and row) — below the table, one blank row between. */
  readonly anchorRow: number;
}

/**
 * The chart placements of the sheets as cli/xlsx-write.ts lays them out: preamble rows, the header,
 * the data rows (an empty table holds one blank row). A sheet whose spec names a column it lacks
 * charts the columns it has; one with no category column or no data row gets no chart.
 */
export function chartPlacements(sheets: readonly OutputSheet[]): ChartPlacement[] {
  const out: ChartPlacement[] = [];
  for (const sheet of sheets) {
    if (sheet.chart === undefined) continue;
    const p = placement(sheet, sheet.chart);
    if (p !== null) out.push(p);
  }
  return out;
}

function placement(sheet: OutputSheet, spec: ChartSpec): ChartPlacement | null {
  const headerRow = (sheet.preamble?.length ?? 0) + 1;
  const indexOf = (header: string): number => sheet.columns.findIndex((c) => c.header === header);
  const category = indexOf(spec.categoryColumn);
  const series = spec.seriesColumns.map(indexOf).filter((i) => i >= 0);
  const rows = spec.excludeLastRow ? sheet.rows.slice(0, -1) : sheet.rows;
  if (category < 0 || series.length === 0 || rows.length === 0) return null;
  const text = (v: OutputValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));
  const tableRows = Math.max(1, sheet.rows.length);
  return {
    sheet: sheet.name,
    title: spec.title,
    headerRow,
    firstRow: headerRow + 1,
    lastRow: headerRow + rows.length,
    categoryColumn: category + 1,
    seriesColumns: series.map((i) => i + 1),
    categories: rows.map((r) => text(r[category])),
    seriesNames: series.map((i) => sheet.columns[i]?.header ?? ''),
    values: series.map((i) => rows.map((r) => {
      const v = r[i];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    })),
    // 0-based: the row after the table's last row (headerRow + tableRows, 1-based) plus one blank row.
    anchorRow: headerRow + tableRows + 1,
  };
}

/**
 * Add the charts of `sheets` to the .xlsx `bytes` (as written by cli/xlsx-write.ts from the same
 * sheets). Returns the bytes unchanged (no unzip) when no sheet has a chart. Unchanged parts are
 * copied compressed as they were.
 */
export async function addCharts(bytes: Uint8Array, sheets: readonly OutputSheet[]): Promise<Uint8Array> {
  const placements = chartPlacements(sheets);
  if (placements.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const pkg = new Package(zip);
  const sheetParts = await pkg.sheetParts();
  for (const p of placements) {
    const part = sheetParts.get(p.sheet);
    if (part === undefined) throw new ChartWriteError(`no worksheet part for sheet "${p.sheet}"`);
    await pkg.addChart(part, p);
  }
  pkg.saveContentTypes();
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// ── the package ───────────────────────────────────────────────────────────────────────────────

class Package {
  private contentTypes: string | null = null;
  private nextDrawing = 0;
  private nextChart = 0;

  constructor(private readonly zip: JSZip) {
    this.nextDrawing = nextIndex(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
    this.nextChart = nextIndex(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  }

  async read(path: string): Promise<string> {
    const file = this.zip.file(path);
    if (file === null) throw new ChartWriteError(`missing part ${path}`);
    return file.async('string');
  }

  async readOptional(path: string): Promise<string | null> {
    const file = this.zip.file(path);
    return file === null ? null : file.async('string');
  }

  write(path: string, xml: string): void {
    // No folder entries: OPC packages hold parts only.
    this.zip.file(path, xml, { createFolders: false });
  }

  /** Sheet name → worksheet part path, through workbook.xml and its relationships. */
  async sheetParts(): Promise<Map<string, string>> {
    const workbook = await this.read('xl/workbook.xml');
    const rels = relationships(await this.read('xl/_rels/workbook.xml.rels'));
    const out = new Map<string, string>();
    for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
      const name = attr(tag, 'name');
      const id = attr(tag, 'r:id');
      const target = id === null ? undefined : rels.get(id)?.target;
      if (name !== null && target !== undefined) out.set(unescapeXml(name), resolvePart('xl/workbook.xml', target));
    }
    return out;
  }

  async addChart(sheetPart: string, p: ChartPlacement): Promise<void> {
    const chartIndex = this.nextChart++;
    const chartPart = `xl/charts/chart${chartIndex}.xml`;
    this.write(chartPart, chartXml(p));
    await this.override(`/${chartPart}`, CT_CHART);

    const sheetRelsPart = relsPathOf(sheetPart);
    const sheetXml = await this.read(sheetPart);
    const sheetRelsXml = (await this.readOptional(sheetRelsPart)) ?? emptyRels();
    const existing = /<drawing\b[^>]*\br:id="([^"]+)"/.exec(sheetXml)?.[1];

    let drawingPart: string;
    let drawingXml: string;
    if (existing !== undefined) {
      // The sheet already has a drawing (pictures): the chart joins it, as Excel itself does.
      const target = relationships(sheetRelsXml).get(existing)?.target;
      if (target === undefined) throw new ChartWriteError(`${sheetPart}: drawing ${existing} has no relationship`);
      drawingPart = resolvePart(sheetPart, target);
      drawingXml = await this.read(drawingPart);
    } else {
      drawingPart = `xl/drawings/drawing${this.nextDrawing++}.xml`;
      drawingXml = `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.main}"></xdr:wsDr>`;
      const { xml: rels, id } = addRelationship(sheetRelsXml, REL_DRAWING, `../drawings/${basename(drawingPart)}`);
      this.write(sheetRelsPart, rels);
      this.write(sheetPart, insertDrawing(sheetXml, id));
      await this.override(`/${drawingPart}`, CT_DRAWING);
    }

    const drawingRelsPart = relsPathOf(drawingPart);
    const { xml: drawingRels, id: chartRel } = addRelationship(
      (await this.readOptional(drawingRelsPart)) ?? emptyRels(),
      REL_CHART,
      `../charts/chart${chartIndex}.xml`,
    );
    this.write(drawingRelsPart, drawingRels);
    const shapeId = maxShapeId(drawingXml) + 1;
    this.write(drawingPart, drawingXml.replace(/<\/xdr:wsDr>\s*$/, `${anchorXml(p, chartRel, shapeId)}</xdr:wsDr>`));
  }

  private async override(partName: string, contentType: string): Promise<void> {
    this.contentTypes ??= await this.read('[Content_Types].xml');
    if (this.contentTypes.includes(`PartName="${partName}"`)) return;
    this.contentTypes = this.contentTypes.replace(/<\/Types>\s*$/, `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
  }

  saveContentTypes(): void {
    if (this.contentTypes !== null) this.write('[Content_Types].xml', this.contentTypes);
  }
}

function nextIndex(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const n = Number(pattern.exec(path)?.[1] ?? 0);
    if (n > max) max = n;
  });
  return max + 1;
}

// ── relationships and paths ───────────────────────────────────────────────────────────────────

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function relationships(xml: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const type = attr(tag, 'Type');
    const target = attr(tag, 'Target');
    if (id !== null && type !== null && target !== null) out.set(id, { type, target: unescapeXml(target) });
  }
  return out;
}

function emptyRels(): string {
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
}

/** Append a relationship with a fresh rIdN. */
function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const taken = new Set(relationships(xml).keys());
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const closed = /<\/Relationships>\s*$/.test(xml);
  const out = closed ? xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`) : xml.replace(/<Relationships\b([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`);
  return { xml: out, id };
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function basename(part: string): string {
  return part.slice(part.lastIndexOf('/') + 1);
}

/** A relationship target resolved against the part that holds it: (`xl/worksheets/sheet1.xml`, `../drawings/d.xml`) → `xl/drawings/d.xml`. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Worksheet children come in a fixed order (CT_Worksheet): <drawing> goes after pageSetup,
 * headerFooter, breaks … and before these. Excel refuses a file with them out of order.
 */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new ChartWriteError('worksheet part has no </worksheet>');
  let xml = `${sheetXml.slice(0, at)}${element}${sheetXml.slice(at)}`;
  // r: must be declared on the root (exceljs does; a hand-made sheet might not).
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  return xml;
}

function maxShapeId(drawingXml: string): number {
  let max = 1;
  for (const m of drawingXml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

// ── XML ───────────────────────────────────────────────────────────────────────────────────────

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] ?? null;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `'单位汇总'!$A$2:$A$6`: the sheet name always quoted, its quotes doubled. */
export function rangeRef(sheet: string, col: number, firstRow: number, lastRow: number = firstRow): string {
  const c = `$${columnLetter(col)}$`;
  const range = firstRow === lastRow ? `${c}${firstRow}` : `${c}${firstRow}:${c}${lastRow}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function anchorXml(p: ChartPlacement, chartRel: string, shapeId: number): string {
  const cell = (tag: string, col: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${cell('from', 0, p.anchorRow)}${cell('to', CHART_COLUMNS, p.anchorRow + CHART_ROWS)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(p.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${chartRel}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** A clustered column chart (c:barChart, barDir col): categories down the category column, one series per series column. */
export function chartXml(p: ChartPlacement): string {
  const catRef = rangeRef(p.sheet, p.categoryColumn, p.firstRow, p.lastRow);
  const series = p.seriesColumns
    .map((col, i) => {
      const name = p.seriesNames[i] ?? '';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(rangeRef(p.sheet, col, p.headerRow))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${strCache(p.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeRef(p.sheet, col, p.firstRow, p.lastRow))}</c:f>${numCache(p.values[i] ?? [])}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" b="1"/><a:t>${escapeXml(p.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // Element order follows CT_ChartSpace, CT_Chart, CT_BarChart, CT_CatAx and CT_ValAx.
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/**
 * An in-memory fake of exactly the Excel JavaScript API objects addin/office/ uses, kept honest against
 * the API reference: same member names; commands are queued and run only at `context.sync()`, in order;
 * a property can be read only after `load` and a sync (PropertyNotLoaded otherwise); `*OrNullObject`
 * results expose `isNullObject`; APIs above the workbook's ExcelApi version throw ApiNotFound at sync;
 * `Range.values` parses strings like typed input (`001` → 1, `=…` → a formula, `'x` → text x) and
 * `null` leaves a cell unchanged; 2-D arrays must match the range; table and sheet names must be unique
 * (ItemAlreadyExists); writing to a protected sheet is AccessDenied; and every request and response is
 * measured as JSON and refused over 5,000,000 bytes (Request/ResponsePayloadSizeLimitExceeded), as Excel
 * on the web does. It counts syncs and records every request's size.
 *
 * office-addin-mock's OfficeMockObject is used where it fits: the `Office` global with
 * `context.requirements.isSetSupported` (installOffice).
 */
import { OfficeMockObject } from 'office-addin-mock';

export const FAKE_PAYLOAD_LIMIT = 5_000_000;
/** What each queued command costs besides its arguments (object path, method name, ids). */
const COMMAND_BYTES = 100;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** What `context.sync()` rejects with: the shape of OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export type CellType = 'String' | 'Double' | 'Boolean' | 'Error';

export interface Cell {
  readonly value: string | number | boolean;
  readonly type: CellType;
  /** A formula typed into the cell (the fake does not compute it: its value is #NAME?). */
  readonly formula?: string;
}

export interface TableData {
  name: string;
  style: string;
  readonly sheet: SheetData;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly headers: readonly string[];
}

export interface RangeRef {
  readonly sheet: SheetData;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ConditionalFormatData {
  readonly type: string;
  readonly range: RangeRef;
  rule?: { formula1: string; formula2?: string; operator: string };
  fill?: string;
  font?: string;
}

export interface ValidationData {
  readonly range: RangeRef;
  rule?: unknown;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface SeriesData {
  name: string;
  values: RangeRef;
  xValues?: RangeRef;
}

export interface ChartData {
  readonly type: string;
  readonly seriesBy: string;
  title: string;
  readonly series: SeriesData[];
  position?: { start: RangeRef; end: RangeRef };
}

export class SheetData {
  /** rows[r][c]; undefined = empty. */
  readonly rows: (Cell | undefined)[][] = [];
  /** Number formats set on cells (General when absent). */
  readonly formats: (string | undefined)[][] = [];
  readonly tables: TableData[] = [];
  readonly charts: ChartData[] = [];
  readonly conditionalFormats: ConditionalFormatData[] = [];
  readonly validations: ValidationData[] = [];
  readonly columnWidths = new Map<number, number>();
  freeze: { rows: number; cols: number } | null = null;
  protected = false;
  deleted = false;

  constructor(public name: string) {}

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }

  setCell(r: number, c: number, cell: Cell | undefined): void {
    (this.rows[r] ??= [])[c] = cell;
  }

  setFormat(r: number, c: number, f: string): void {
    (this.formats[r] ??= [])[c] = f === '' || f === 'General' ? undefined : f;
  }

  /** The used range: the bounding box of cells with values (valuesOnly) or values and formats. */
  used(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const scan = (grid: readonly (readonly unknown[] | undefined)[]): void => {
      grid.forEach((row, r) => {
        row?.forEach((v, c) => {
          if (v === undefined) return;
          r0 = Math.min(r0, r);
          r1 = Math.max(r1, r);
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        });
      });
    };
    scan(this.rows);
    if (!valuesOnly) scan(this.formats);
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The sheet's values as a plain grid from A1 (tests): formats ignored, errors as `#N/A` text. */
  grid(): (string | number | boolean | null)[][] {
    return Array.from({ length: this.rows.length }, (_, r) => Array.from({ length: this.rows[r]?.length ?? 0 }, (_, c) => this.cell(r, c)?.value ?? null));
  }
}

/** A value as a test seeds it: a plain value, an error, a date serial with its format, or a formula result. */
export type SeedValue = string | number | boolean | null | { error: string } | { serial: number; format: string } | { text: string };

export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly commands: number;
}

export class FakeWorkbook {
  readonly sheets: SheetData[] = [];
  readonly names: string[] = [];
  active: SheetData | undefined;
  selection: { sheet: string; row: number; col: number; rows: number; cols: number } | undefined;
  syncs = 0;
  readonly requests: RequestRecord[] = [];
  /** Refused requests (too large), for assertions that none happened. */
  readonly refused: { code: string; bytes: number }[] = [];
  suspendCalculation = 0;
  suspendScreen = 0;
  /** Errors to reject the next syncs with, in order (error tests). */
  readonly failures: FakeOfficeError[] = [];
  /** Workbook structure protection (审阅 › 保护工作簿): adding, deleting, renaming or moving sheets is AccessDenied. */
  structureProtected = false;
  /** An error to reject a given sync with (1-based count of `syncs`), before it runs anything. */
  readonly failAt = new Map<number, FakeOfficeError>();
  /** Workbooks opened with Excel.createWorkbook (their base64 .xlsx). */
  readonly created: string[] = [];
  /** An error Excel.createWorkbook rejects with (a blocked window in Excel on the web, extension hardening). */
  createFailure: FakeOfficeError | undefined;

  constructor(readonly apiVersion = 1.9) {}

  /**
   * `Excel.createWorkbook(base64)`: a static function, not a queued command (it needs no sync and no
   * context); ExcelApi 1.8, and the argument must be base64 text.
   */
  readonly createWorkbook = async (base64?: string): Promise<void> => {
    await Promise.resolve();
    if (this.apiVersion + 1e-9 < 1.8) fail('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8');
    if (this.createFailure !== undefined) throw this.createFailure;
    if (base64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail('InvalidArgument', 'The base64 file is not valid.');
    this.created.push(base64 ?? '');
  };

  /** Add a sheet with values from A1 (seed). */
  addSheet(name: string, grid: readonly (readonly SeedValue[])[] = [], at?: { row: number; col: number }): SheetData {
    const sheet = new SheetData(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const rr = r + (at?.row ?? 0);
        const cc = c + (at?.col ?? 0);
        if (v === null) return;
        if (typeof v === 'object') {
          if ('error' in v) sheet.setCell(rr, cc, { value: v.error, type: 'Error' });
          else if ('serial' in v) {
            sheet.setCell(rr, cc, { value: v.serial, type: 'Double' });
            sheet.setFormat(rr, cc, v.format);
          } else sheet.setCell(rr, cc, { value: v.text, type: 'String' });
          return;
        }
        sheet.setCell(rr, cc, { value: v, type: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String' });
      }),
    );
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  allTables(): TableData[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** `Excel.run` for this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run flushes what is still queued; an empty queue makes no round trip.
    if (context.pending() > 0) await context.sync();
    return result;
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }
}

/** Install the `Office` global (office-addin-mock) whose isSetSupported answers for ExcelApi ≤ version. */
export function installOffice(version: number): void {
  const mock = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && Number(v ?? '1.1') <= version + 1e-9,
      },
    },
  });
  (globalThis as unknown as { Office: unknown }).Office = mock;
}

interface Command {
  readonly bytes: number;
  /** Runs the command; a load returns its response bytes and what to commit when the response is accepted. */
  run(): { bytes: number; commit(): void } | void;
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

class FakeContext {
  private queue: Command[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  push(bytes: number, run: Command['run']): void {
    this.queue.push({ bytes: bytes + COMMAND_BYTES, run });
  }

  needs(version: number, api: string): void {
    if (this.wb.apiVersion + 1e-9 < version) fail('ApiNotFound', `${api} needs ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.wb.syncs++;
    await Promise.resolve();
    const injected = this.wb.failAt.get(this.wb.syncs) ?? this.wb.failures.shift();
    if (injected !== undefined) throw injected;
    const requestBytes = commands.reduce((n, c) => n + c.bytes, 0);
    if (requestBytes > FAKE_PAYLOAD_LIMIT) {
      this.wb.refused.push({ code: 'RequestPayloadSizeLimitExceeded', bytes: requestBytes });
      fail('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    let responseBytes = 0;
    const commits: (() => void)[] = [];
    for (const c of commands) {
      const r = c.run();
      if (r) {
        responseBytes += r.bytes;
        commits.push(r.commit);
      }
    }
    if (responseBytes > FAKE_PAYLOAD_LIMIT) {
      this.wb.refused.push({ code: 'ResponsePayloadSizeLimitExceeded', bytes: responseBytes });
      fail('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    for (const commit of commits) commit();
    this.wb.requests.push({ requestBytes, responseBytes, commands: commands.length });
  }

  /** Throws as Excel does when the workbook's structure is protected. */
  structure(): void {
    if (this.wb.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
  }

  /** Whether a sheet may be written; throws as Excel does for a deleted or protected sheet. */
  writable(sheet: SheetData): void {
    if (sheet.deleted) fail('ItemNotFound', `The worksheet ${sheet.name} no longer exists.`);
    if (sheet.protected) fail('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  }
}

/** Base of every proxy: load/read bookkeeping. */
abstract class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      fail('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  /** As Office.js proxies do: the loaded properties (also what a response of them weighs). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) fail('PropertyNotLoaded', "The property 'isNullObject' is not available until context.sync().");
    return this.nullObject;
  }

  /** Queue a load of `props` whose values `snapshot` computes when the command runs. */
  protected queueLoad(props: readonly string[], exists: () => boolean, snapshot: (prop: string) => unknown): void {
    this.ctx.push(jsonBytes(props), () => {
      if (!exists()) {
        return {
          bytes: 20,
          commit: () => {
            this.nullObject = true;
          },
        };
      }
      const values = props.map((p) => [p, snapshot(p)] as const);
      return {
        bytes: jsonBytes(Object.fromEntries(values)),
        commit: () => {
          this.nullObject = false;
          for (const [p, v] of values) this.loaded.set(p, v);
        },
      };
    });
  }
}

function parseProps(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

class ApplicationProxy {
  constructor(private readonly ctx: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.push(0, () => {
      this.ctx.needs(1.6, 'suspendApiCalculationUntilNextSync');
      this.ctx.wb.suspendCalculation++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.push(0, () => {
      this.ctx.needs(1.9, 'suspendScreenUpdatingUntilNextSync');
      this.ctx.wb.suspendScreen++;
    });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, () => ctx.wb.allTables(), undefined);
    this.names = new NamedItemCollectionProxy(ctx);
    this.application = ctx.application;
  }
}

class NamedItemCollectionProxy extends Proxy {
  load(props: string): void {
    if (!parseProps(props).every((p) => p === 'items/name')) fail('InvalidArgument', `unsupported load ${props}`);
    this.queueLoad(['items'], () => true, () => this.ctx.wb.names.map((name) => ({ name })));
  }

  get items(): { name: string }[] {
    return this.read('items');
  }
}

class WorksheetCollectionProxy extends Proxy {
  load(props: string): void {
    const wanted = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.queueLoad(['items'], () => true, () =>
      this.ctx.wb.sheets.map((s) => {
        const ws = new WorksheetProxy(this.ctx, () => s);
        ws.preload(wanted, s);
        return ws;
      }),
    );
  }

  get items(): WorksheetProxy[] {
    return this.read('items');
  }

  add(name: string): WorksheetProxy {
    let created: SheetData | undefined;
    this.ctx.push(jsonBytes(name), () => {
      const wb = this.ctx.wb;
      this.ctx.structure();
      if (wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) fail('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      if (name.length > 31 || /[*?:/\\[\]]/.test(name) || name.trim() === '') fail('InvalidArgument', `Invalid sheet name ${name}.`);
      created = new SheetData(name);
      wb.sheets.push(created);
    });
    return new WorksheetProxy(this.ctx, () => created ?? fail('InvalidObjectPath', 'The worksheet was not created.'));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
}

class WorksheetProxy extends Proxy {
  readonly freezePanes: { freezeRows(n: number): void; freezeAt(range: RangeProxy): void };
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    ctx: FakeContext,
    readonly target: () => SheetData | null,
  ) {
    super(ctx);
    const sheet = (): SheetData => this.target() ?? fail('ItemNotFound', 'The worksheet does not exist.');
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.push(8, () => {
          ctx.needs(1.7, 'freezePanes');
          sheet().freeze = { rows: n, cols: 0 };
        }),
      freezeAt: (range: RangeProxy) =>
        ctx.push(8, () => {
          ctx.needs(1.7, 'freezePanes');
          const r = range.ref();
          if (r.row !== 0 || r.col !== 0) fail('InvalidArgument', 'freezeAt expects a range from A1.');
          sheet().freeze = { rows: r.rows, cols: r.cols };
        }),
    };
    this.tables = new TableCollectionProxy(ctx, () => sheet().tables, sheet);
    this.charts = new ChartCollectionProxy(ctx, sheet);
  }

  /** Values a collection load already fetched (items/name …). */
  preload(props: readonly string[], s: SheetData): void {
    for (const p of props) this.loaded.set(p, p === 'position' ? this.ctx.wb.sheets.indexOf(s) : p === 'name' ? s.name : fail('InvalidArgument', `unsupported load ${p}`));
  }

  load(props: string): void {
    const list = parseProps(props);
    this.queueLoad(
      list,
      () => {
        const s = this.target();
        return s !== null && !s.deleted;
      },
      (p) => {
        const s = this.target() as SheetData;
        if (p === 'name') return s.name;
        if (p === 'position') return this.ctx.wb.sheets.indexOf(s);
        return fail('InvalidArgument', `unsupported load ${p}`);
      },
    );
  }

  private sheet(): SheetData {
    const s = this.target();
    if (s === null || s.deleted) fail('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }

  get name(): string {
    return this.read('name');
  }

  set name(name: string) {
    this.ctx.push(jsonBytes(name), () => {
      const s = this.sheet();
      this.ctx.structure();
      if (this.ctx.wb.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase())) fail('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      s.name = name;
    });
  }

  get position(): number {
    return this.read('position');
  }

  set position(p: number) {
    this.ctx.push(8, () => {
      const s = this.sheet();
      this.ctx.structure();
      const list = this.ctx.wb.sheets;
      if (p < 0 || p >= list.length) fail('InvalidArgument', `position ${p} out of range`);
      list.splice(list.indexOf(s), 1);
      list.splice(p, 0, s);
    });
  }

  delete(): void {
    this.ctx.push(8, () => {
      const s = this.sheet();
      this.ctx.structure();
      const list = this.ctx.wb.sheets;
      if (list.length === 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      list.splice(list.indexOf(s), 1);
      s.deleted = true;
      if (this.ctx.wb.active === s) this.ctx.wb.active = list[0];
    });
  }

  activate(): void {
    this.ctx.push(8, () => {
      this.ctx.wb.active = this.sheet();
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      this.ctx.needs(1.7, 'getRangeByIndexes');
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) fail('InvalidArgument', `Bad range ${row},${col},${rows},${cols}`);
      return { sheet: this.sheet(), row, col, rows, cols };
    });
  }

  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) fail('InvalidArgument', `Bad cell ${row},${col}`);
      return { sheet: this.sheet(), row, col, rows: 1, cols: 1 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.sheet();
      const u = s.used(valuesOnly);
      return u === null ? null : { sheet: s, ...u };
    });
  }
}

/** Typed input as Excel parses it when `Range.values` is set with a string. */
function parseInput(s: string): Cell | undefined {
  if (s === '') return undefined;
  if (s.startsWith("'")) return { value: s.slice(1), type: 'String' };
  if (s.startsWith('=')) return { value: '#NAME?', type: 'Error', formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) {
    const n = Number(t.replace('%', ''));
    return { value: t.endsWith('%') ? n / 100 : n, type: 'Double' };
  }
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t), type: 'Boolean' };
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(t)) return { value: t, type: 'Error' };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t) || /^\d{1,2}月\d{1,2}日$/.test(t)) return { value: 45000, type: 'Double' };
  return { value: s, type: 'String' };
}

class RangeProxy extends Proxy {
  readonly format: { columnWidth: number };
  readonly conditionalFormats: { add(type: string): ConditionalFormatProxy };
  readonly dataValidation: DataValidationProxy;

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => RangeRef | null,
  ) {
    super(ctx);
    const ref = (): RangeRef => this.ref();
    this.format = {
      get columnWidth(): number {
        return fail('PropertyNotLoaded', "The property 'columnWidth' is not available.");
      },
      set columnWidth(w: number) {
        ctx.push(8, () => {
          const r = ref();
          ctx.writable(r.sheet);
          for (let c = r.col; c < r.col + r.cols; c++) r.sheet.columnWidths.set(c, w);
        });
      },
    };
    this.conditionalFormats = {
      add: (type: string) => {
        let data: ConditionalFormatData | undefined;
        ctx.push(jsonBytes(type), () => {
          ctx.needs(1.6, 'conditionalFormats');
          const r = ref();
          ctx.writable(r.sheet);
          data = { type, range: r };
          r.sheet.conditionalFormats.push(data);
        });
        return new ConditionalFormatProxy(ctx, () => data ?? fail('InvalidObjectPath', 'no conditional format'));
      },
    };
    this.dataValidation = new DataValidationProxy(ctx, () => {
      ctx.needs(1.8, 'dataValidation');
      const r = ref();
      ctx.writable(r.sheet);
      let v = r.sheet.validations.find((d) => sameRange(d.range, r));
      if (v === undefined) {
        v = { range: r };
        r.sheet.validations.push(v);
      }
      return v;
    });
  }

  ref(): RangeRef {
    return this.resolve() ?? fail('ItemNotFound', 'The range does not exist.');
  }

  load(props: string | string[]): void {
    const list = parseProps(props);
    this.queueLoad(
      list,
      () => this.resolve() !== null,
      (p) => {
        const r = this.ref();
        // Office notes: a read of more than 5 million cells can come back empty.
        const huge = r.rows * r.cols > 5_000_000;
        const grid = (f: (row: number, col: number) => unknown): unknown[][] =>
          huge ? [] : Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.row + i, r.col + j)));
        switch (p) {
          case 'values':
            return grid((i, j) => r.sheet.cell(i, j)?.value ?? '');
          case 'valueTypes':
            return grid((i, j) => r.sheet.cell(i, j)?.type ?? 'Empty');
          case 'numberFormat':
            return grid((i, j) => r.sheet.format(i, j));
          case 'rowIndex':
            return r.row;
          case 'columnIndex':
            return r.col;
          case 'rowCount':
            return r.rows;
          case 'columnCount':
            return r.cols;
          default:
            return fail('InvalidArgument', `unsupported load ${p}`);
        }
      },
    );
  }

  get values(): unknown[][] {
    return this.read('values');
  }

  set values(values: unknown[][]) {
    this.ctx.push(jsonBytes(values), () => {
      const r = this.ref();
      this.ctx.writable(r.sheet);
      checkDims(values, r);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const cell =
            typeof v === 'string'
              ? parseInput(v)
              : typeof v === 'number'
                ? { value: v, type: 'Double' as const }
                : typeof v === 'boolean'
                  ? { value: v, type: 'Boolean' as const }
                  : fail('InvalidArgument', `unsupported value ${String(v)}`);
          r.sheet.setCell(r.row + i, r.col + j, cell);
        }),
      );
    });
  }

  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }

  set numberFormat(formats: unknown[][]) {
    this.ctx.push(jsonBytes(formats), () => {
      const r = this.ref();
      this.ctx.writable(r.sheet);
      checkDims(formats, r);
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          if (typeof f !== 'string') fail('InvalidArgument', 'numberFormat must be text');
          r.sheet.setFormat(r.row + i, r.col + j, f);
        }),
      );
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get rowCount(): number {
    return this.read('rowCount');
  }

  get columnCount(): number {
    return this.read('columnCount');
  }

  /** Range.clear(applyTo): All (default), Contents or Formats (the fake keeps values and number formats only). */
  clear(applyTo: string = 'All'): void {
    this.ctx.push(jsonBytes(applyTo), () => {
      if (!['All', 'Contents', 'Formats', 'Hyperlinks', 'RemoveHyperlinks'].includes(applyTo)) fail('InvalidArgument', `unsupported clear ${applyTo}`);
      const r = this.ref();
      this.ctx.writable(r.sheet);
      for (let i = r.row; i < r.row + r.rows; i++) {
        for (let j = r.col; j < r.col + r.cols; j++) {
          if (applyTo === 'All' || applyTo === 'Contents') r.sheet.setCell(i, j, undefined);
          if (applyTo === 'All' || applyTo === 'Formats') r.sheet.setFormat(i, j, 'General');
        }
      }
    });
  }

  select(): void {
    this.ctx.push(8, () => {
      const r = this.ref();
      if (this.ctx.wb.active !== r.sheet) fail('InvalidSelection', 'The range is not on the active sheet.');
      this.ctx.wb.selection = { sheet: r.sheet.name, row: r.row, col: r.col, rows: r.rows, cols: r.cols };
    });
  }
}

function checkDims(values: readonly (readonly unknown[])[], r: RangeRef): void {
  if (values.length !== r.rows || values.some((row) => row.length !== r.cols)) {
    fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${r.rows}×${r.cols}).`);
  }
}

function sameRange(a: RangeRef, b: RangeRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

class ConditionalFormatProxy {
  readonly cellValue: {
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
    rule: { formula1: string; formula2?: string; operator: string };
  };

  constructor(ctx: FakeContext, data: () => ConditionalFormatData) {
    const onCellValue = (): ConditionalFormatData => {
      const d = data();
      if (d.type !== 'CellValue') fail('InvalidOperation', 'cellValue is only valid for a CellValue conditional format.');
      return d;
    };
    this.cellValue = {
      format: {
        fill: {
          get color(): string {
            return fail('PropertyNotLoaded', 'color');
          },
          set color(c: string) {
            ctx.push(jsonBytes(c), () => {
              onCellValue().fill = c;
            });
          },
        },
        font: {
          get color(): string {
            return fail('PropertyNotLoaded', 'color');
          },
          set color(c: string) {
            ctx.push(jsonBytes(c), () => {
              onCellValue().font = c;
            });
          },
        },
      },
      get rule(): { formula1: string; operator: string } {
        return fail('PropertyNotLoaded', 'rule');
      },
      set rule(rule: { formula1: string; formula2?: string; operator: string }) {
        ctx.push(jsonBytes(rule), () => {
          onCellValue().rule = { ...rule };
        });
      },
    };
  }
}

class DataValidationProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly data: () => ValidationData,
  ) {}

  private set(bytes: unknown, apply: (d: ValidationData) => void): void {
    this.ctx.push(jsonBytes(bytes), () => apply(this.data()));
  }

  set rule(rule: unknown) {
    this.set(rule, (d) => {
      d.rule = rule;
    });
  }

  set ignoreBlanks(v: boolean) {
    this.set(v, (d) => {
      d.ignoreBlanks = v;
    });
  }

  set prompt(p: ValidationData['prompt']) {
    if (p !== undefined && (p.title ?? '').length > 32) fail('InvalidArgument', 'The prompt title is longer than 32 characters.');
    this.set(p, (d) => {
      if (p === undefined) delete d.prompt;
      else d.prompt = p;
    });
  }

  set errorAlert(a: ValidationData['errorAlert']) {
    this.set(a, (d) => {
      if (a === undefined) delete d.errorAlert;
      else d.errorAlert = a;
    });
  }
}

class TableCollectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly list: () => TableData[],
    private readonly sheet: (() => SheetData) | undefined,
  ) {
    super(ctx);
  }

  load(props: string): void {
    if (!parseProps(props).every((p) => p === 'items/name')) fail('InvalidArgument', `unsupported load ${props}`);
    this.queueLoad(['items'], () => true, () => this.list().map((t) => new TableProxy(this.ctx, () => t, t.name)));
  }

  get items(): TableProxy[] {
    return this.read('items');
  }

  add(range: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (typeof range === 'string') fail('InvalidArgument', 'the fake takes a Range');
    let created: TableData | undefined;
    this.ctx.push(16, () => {
      const r = range.ref();
      if (this.sheet === undefined || r.sheet !== this.sheet()) fail('InvalidArgument', 'The range is not on this worksheet.');
      this.ctx.writable(r.sheet);
      const wb = this.ctx.wb;
      if (r.sheet.tables.some((t) => t.row < r.row + r.rows && r.row < t.row + t.rows && t.col < r.col + r.cols && r.col < t.col + t.cols)) {
        fail('MergedRangeConflict', "A table can't overlap another table.");
      }
      if (!hasHeaders) fail('InvalidArgument', 'the fake only models tables with headers');
      const headers = Array.from({ length: r.cols }, (_, j) => r.sheet.cell(r.row, r.col + j));
      if (headers.some((h) => h === undefined || h.type !== 'String' || String(h.value).trim() === '')) fail('InvalidArgument', 'Table headers must be non-empty text.');
      const texts = headers.map((h) => String(h?.value));
      if (new Set(texts.map((t) => t.toLowerCase())).size !== texts.length) fail('InvalidArgument', 'Table headers must be unique.');
      let n = wb.allTables().length + 1;
      while (tableNameTaken(wb, `Table${n}`)) n++;
      created = { name: `Table${n}`, style: 'TableStyleMedium2', sheet: r.sheet, row: r.row, col: r.col, rows: r.rows, cols: r.cols, headers: texts };
      r.sheet.tables.push(created);
    });
    return new TableProxy(this.ctx, () => created ?? fail('InvalidObjectPath', 'The table was not created.'), undefined);
  }
}

function tableNameTaken(wb: FakeWorkbook, name: string, except?: TableData): boolean {
  const key = name.toLowerCase();
  return wb.allTables().some((t) => t !== except && t.name.toLowerCase() === key) || wb.names.some((n) => n.toLowerCase() === key);
}

class TableProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly data: () => TableData,
    private readonly loadedName: string | undefined,
  ) {}

  get name(): string {
    return this.loadedName ?? fail('PropertyNotLoaded', "The property 'name' is not available.");
  }

  toJSON(): Record<string, unknown> {
    return this.loadedName === undefined ? {} : { name: this.loadedName };
  }

  set name(name: string) {
    this.ctx.push(jsonBytes(name), () => {
      const t = this.data();
      if (!/^[A-Za-z_\\\u4e00-\u9fff][\w.\\\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) fail('InvalidArgument', `Invalid table name ${name}.`);
      if (tableNameTaken(this.ctx.wb, name, t)) fail('ItemAlreadyExists', `A table named ${name} already exists.`);
      t.name = name;
    });
  }

  set style(style: string) {
    this.ctx.push(jsonBytes(style), () => {
      this.data().style = style;
    });
  }
}

class ChartCollectionProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => SheetData,
  ) {}

  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    let created: ChartData | undefined;
    this.ctx.push(jsonBytes([type, seriesBy]), () => {
      const s = this.sheet();
      this.ctx.writable(s);
      const r = source.ref();
      const series: SeriesData[] = [];
      if (seriesBy === 'Columns') for (let j = 0; j < r.cols; j++) series.push({ name: `Series${j + 1}`, values: { ...r, col: r.col + j, cols: 1 } });
      else for (let i = 0; i < r.rows; i++) series.push({ name: `Series${i + 1}`, values: { ...r, row: r.row + i, rows: 1 } });
      created = { type, seriesBy, title: '', series };
      s.charts.push(created);
    });
    return new ChartProxy(this.ctx, () => created ?? fail('InvalidObjectPath', 'The chart was not created.'));
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): SeriesProxy; add(name: string): SeriesProxy };

  constructor(
    private readonly ctx: FakeContext,
    private readonly data: () => ChartData,
  ) {
    this.title = {
      get text(): string {
        return fail('PropertyNotLoaded', 'text');
      },
      set text(t: string) {
        ctx.push(jsonBytes(t), () => {
          data().title = t;
        });
      },
    };
    this.series = {
      getItemAt: (i: number) => new SeriesProxy(ctx, () => data().series[i] ?? fail('ItemNotFound', `No series ${i}.`)),
      add: (name: string) => {
        let created: SeriesData | undefined;
        ctx.push(jsonBytes(name), () => {
          ctx.needs(1.7, 'ChartSeriesCollection.add');
          const d = data();
          // A new series has no values until setValues: a placeholder that setValues replaces.
          created = { name, values: { sheet: d.series[0]?.values.sheet ?? new SheetData(''), row: 0, col: 0, rows: 0, cols: 0 } };
          d.series.push(created);
        });
        return new SeriesProxy(ctx, () => created ?? fail('InvalidObjectPath', 'The series was not created.'));
      },
    };
  }

  setPosition(start: RangeProxy, end: RangeProxy): void {
    this.ctx.push(16, () => {
      this.data().position = { start: start.ref(), end: end.ref() };
    });
  }
}

class SeriesProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly data: () => SeriesData,
  ) {}

  set name(n: string) {
    this.ctx.push(jsonBytes(n), () => {
      this.data().name = n;
    });
  }

  setValues(range: RangeProxy): void {
    this.ctx.push(16, () => {
      this.ctx.needs(1.7, 'ChartSeries.setValues');
      this.data().values = range.ref();
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.ctx.push(16, () => {
      this.ctx.needs(1.7, 'ChartSeries.setXAxisValues');
      this.data().xValues = range.ref();
    });
  }
}

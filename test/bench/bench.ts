/**
 * `npm run bench`: how long `branch-rating score` takes and how much memory it needs, at
 * S = 255 and M = 2,000 branches (6 上级 wide forms + 自评 in the long 评分 sheet, ~25 rated
 * indicators each, and the sample's ballots: ~30 双述双评 and ~50 满意度 per branch, ~25 民主评议 per
 * member). Prints figures; asserts nothing (house style: speed is measured, not tested).
 *
 * S has every ballot kind in long form (~162k ballot rows). M has the same ballots per branch, with
 * 民主评议 in 计票 form (one row per member): in long form M would hold ~1.15M 民主评议 rows, which the
 * exceljs whole-workbook writer needs ~6 minutes and ~9 GB to produce (`--m-long` adds that size,
 * one run, with a 20 GB heap).
 *
 * Each run is a fresh child process doing exactly what `score` does (one full exceljs load → raw →
 * runWorkbook → add output sheets → write), so process.resourceUsage().maxRSS is that run's peak.
 * Workbooks are generated in a child too. Last, the engine alone (in-process, warm, no file) with and
 * without ballots, to show the ballot cost per row. `npm run bench -- --quick` does one run per size.
 *
 * Merge (issue #5): S's data split by 所属党委 into 29 unit files (each unit's 自评 rows of 评分, 台账 rows
 * and ballots) merged into a master holding 支部, 指标, 参数, 否决 and the 6 上级 forms — what `merge`
 * does: read the 30 files, mergeWorkbooks, apply the plan to the master's exceljs workbook and write.
 * `npm run bench -- --merge` runs only that part.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runWorkbook } from '../../engine/index';
import { sampleSheets, sampleWorkbook, type BallotForms, type SampleOptions } from '../../engine/template';
import { loadExcelWorkbook, rawFromExcel, readWorkbook } from '../../cli/xlsx-read';
import { addOutputSheets, workbookBytes, writeNewWorkbook } from '../../cli/xlsx-write';
import { applyPlanToExcel } from '../../cli/xlsx-merge';
import { applyPlan, mergeWorkbooks, type MergeSource } from '../../engine/merge';
import type { OutputSheet } from '../../engine/output';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '../..');

interface Sample {
  readonly readMs: number;
  readonly engineMs: number;
  readonly writeMs: number;
  readonly rssMb: number;
  readonly rows: number;
  readonly cells: number;
}

/** The ballot sheets of the sample, long or 计票. */
const BALLOT_SHEETS = ['双述双评', '满意度', '民主评议', '双述双评计票', '满意度计票', '民主评议计票'];

interface Generated {
  readonly ballotRows: Record<string, number>;
  readonly ms: number;
}

/** Child: write the sample workbook of `options` to `file`; ballot rows per sheet as one JSON line. */
async function generate(file: string, options: SampleOptions): Promise<void> {
  const t = performance.now();
  const sheets = sampleSheets(options);
  await writeFile(file, await writeNewWorkbook(sheets));
  const ballotRows = Object.fromEntries(sheets.filter((s) => BALLOT_SHEETS.includes(s.name)).map((s) => [s.name, s.rows.length]));
  process.stdout.write(`${JSON.stringify({ ballotRows, ms: performance.now() - t })}\n`);
}

/** Child: one score pipeline on `file`, timings and peak RSS as one JSON line. */
async function child(file: string, mode: string): Promise<void> {
  let t = performance.now();
  const bytes = await readFile(file);
  if (mode === 'values') {
    // What `check` and the web page do: the values-only read.
    const raw = await readWorkbook(bytes);
    const readMs = performance.now() - t;
    t = performance.now();
    runWorkbook(raw);
    const engineMs = performance.now() - t;
    print({ readMs, engineMs, writeMs: 0, ...counts(raw) });
    return;
  }
  const wb = await loadExcelWorkbook(bytes, false);
  const raw = rawFromExcel(wb);
  const readMs = performance.now() - t;
  t = performance.now();
  const report = runWorkbook(raw);
  const engineMs = performance.now() - t;
  t = performance.now();
  addOutputSheets(wb, report.outputs);
  const out = await workbookBytes(wb);
  const target = `${file}.${process.pid}.out.xlsx`;
  await writeFile(target, out);
  const writeMs = performance.now() - t;
  await rm(target);
  print({ readMs, engineMs, writeMs, ...counts(raw) });
}

function counts(raw: Awaited<ReturnType<typeof readWorkbook>>): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (const s of raw.sheets) {
    rows += s.cells.length;
    for (const r of s.cells) for (const c of r) if (c !== null) cells++;
  }
  return { rows, cells };
}

function print(s: Omit<Sample, 'rssMb'>): void {
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...s, rssMb })}\n`);
}

/** Run this script in a fresh process with `args`; its last stdout line parsed as JSON. */
function spawnChild<T>(args: readonly string[], heapMb: number | undefined): Promise<T> {
  const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [...heap, '--import', 'tsx', SELF, ...args],
      { cwd: ROOT, maxBuffer: 1 << 20, timeout: 60 * 60_000 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`child failed (${String(error.code)}): ${stderr.slice(-2000)}`));
        const line = stdout.trim().split('\n').pop() ?? '';
        done(JSON.parse(line) as T);
      },
    );
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => (ms >= 1000 ? sec(ms) : `${Math.round(ms)} ms`);

interface Size {
  readonly label: string;
  readonly branches: number;
  readonly runs: number;
  readonly ballotForms: BallotForms;
  /** --max-old-space-size for the children (the default ~4 GB heap is too small for M in long form). */
  readonly heapMb?: number;
}

const thousands = (n: number) => n.toLocaleString('en-US');
const ballotText = (rows: Record<string, number>) =>
  Object.entries(rows)
    .map(([k, v]) => `${k} ${thousands(v)}`)
    .join(' · ');

async function parent(quick: boolean, mLong: boolean): Promise<void> {
  const dir = join(ROOT, 'out', 'bench');
  await mkdir(dir, { recursive: true });
  const sizes: Size[] = [
    { label: 'S', branches: 255, runs: quick ? 1 : 5, ballotForms: {} },
    { label: 'M', branches: 2000, runs: quick ? 1 : 3, ballotForms: { appraisal: 'counted' } },
  ];
  if (mLong) sizes.push({ label: 'M-long', branches: 2000, runs: 1, ballotForms: {}, heapMb: 20_000 });
  process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
  const rows: string[] = [];
  const summary: { label: string; read: number; engine: number; write: number; rss: number }[] = [];
  for (const size of sizes) {
    const file = join(dir, `bench-${size.label}.xlsx`);
    const options: SampleOptions = { branches: size.branches, form: 'wide', ballotForms: size.ballotForms };
    const gen = await spawnChild<Generated>(['--generate', file, JSON.stringify(options)], size.heapMb);
    const mb = (await stat(file)).size / 2 ** 20;
    process.stdout.write(
      `${size.label}: generated ${file} (${mb.toFixed(1)} MB; ballot rows: ${ballotText(gen.ballotRows)}) in ${sec(gen.ms)} (not timed below)\n`,
    );

    const samples: Sample[] = [];
    for (let i = 0; i < size.runs; i++) {
      const s = await spawnChild<Sample>(['--child', file, 'score'], size.heapMb);
      samples.push(s);
      process.stdout.write(`  run ${i + 1}/${size.runs}: read ${msText(s.readMs)}, engine ${msText(s.engineMs)}, write ${msText(s.writeMs)}, peak RSS ${s.rssMb.toFixed(0)} MB\n`);
    }
    const values = await spawnChild<Sample>(['--child', file, 'values'], size.heapMb);
    const first = samples[0];
    const m = {
      read: median(samples.map((s) => s.readMs)),
      engine: median(samples.map((s) => s.engineMs)),
      write: median(samples.map((s) => s.writeMs)),
      rss: median(samples.map((s) => s.rssMb)),
    };
    summary.push({ label: size.label, ...m });
    const ballots = Object.values(gen.ballotRows).reduce((a, b) => a + b, 0);
    rows.push(
      `| ${size.label} (${size.branches} branches, ${thousands(first?.rows ?? 0)} rows of which ${thousands(ballots)} ballot rows, ${thousands(first?.cells ?? 0)} cells, ${mb.toFixed(1)} MB) | ${size.runs} | ${sec(m.read)} | ${msText(m.engine)} | ${sec(m.write)} | ${sec(m.read + m.engine + m.write)} | ${m.rss.toFixed(0)} MB | ${((m.engine / m.read) * 100).toFixed(1)} % | ${sec(values.readMs)}, ${values.rssMb.toFixed(0)} MB |`,
    );
  }
  process.stdout.write('\nMedians (score pipeline: full load → runWorkbook → write):\n\n');
  process.stdout.write('| size | runs | read | engine | write | total | peak RSS | engine / read | values-only read (check), peak RSS |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`${r}\n`);
  const [s, m] = summary;
  if (s && m) {
    const g = (a: number, b: number) => `×${(b / a).toFixed(1)}`;
    process.stdout.write(
      `\nS → M (×${(2000 / 255).toFixed(1)} branches): read ${g(s.read, m.read)}, engine ${g(s.engine, m.engine)}, write ${g(s.write, m.write)}, peak RSS ${g(s.rss, m.rss)}\n`,
    );
  }
  engineOnly(quick);
}

/** Median ms of `runs` runWorkbook calls after one warm-up. */
function timeEngine(raw: ReturnType<typeof sampleWorkbook>, runs: number): number {
  runWorkbook(raw);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    runWorkbook(raw);
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * The engine alone, in this process, warm, on sampleWorkbook (no file): with and without ballots, so the
 * difference is the ballot work (parse, tally, compute, emit). Linear in ballots when µs per row holds.
 */
function engineOnly(quick: boolean): void {
  const runs = quick ? 2 : 5;
  const cases: { label: string; options: SampleOptions }[] = [
    { label: 'S, all long', options: { branches: 255 } },
    { label: 'M, 民主评议 计票', options: { branches: 2000, ballotForms: { appraisal: 'counted' } } },
    { label: 'M, all long', options: { branches: 2000 } },
  ];
  process.stdout.write('\nEngine alone (in-process, warm, no file; median of runs):\n\n');
  process.stdout.write('| sample | ballot rows | engine without ballots | engine with ballots | ballot work | per 1,000 ballot rows |\n');
  process.stdout.write('|---|---|---|---|---|---|\n');
  for (const c of cases) {
    const withBallots = sampleWorkbook(c.options);
    const ballotRows = withBallots.sheets.filter((s) => BALLOT_SHEETS.includes(s.name)).reduce((n, s) => n + s.cells.length - 1, 0);
    const without = timeEngine(sampleWorkbook({ ...c.options, ballots: false }), runs);
    const full = timeEngine(withBallots, runs);
    process.stdout.write(
      `| ${c.label} | ${thousands(ballotRows)} | ${msText(without)} | ${msText(full)} | ${msText(full - without)} | ${(((full - without) / ballotRows) * 1000).toFixed(2)} ms |\n`,
    );
  }
}

// ── merge ─────────────────────────────────────────────────────────────────────────────────────

const MERGE_UNITS = 29;
/** Sheets each unit file brings (its branches' rows); the rest of the sample is the master's. */
const UNIT_SHEETS = new Set(['评分', '台账', '双述双评', '满意度', '民主评议']);

/** Child: write the master and the 29 unit files of S into `dir`; rows per unit file as one JSON line. */
async function generateMerge(dir: string): Promise<void> {
  const sheets = sampleSheets({ branches: 255, form: 'wide' });
  const branches = sheets.find((s) => s.name === '支部');
  const unitCol = branches?.columns.findIndex((c) => c.header === '所属党委') ?? -1;
  const unitOf = new Map((branches?.rows ?? []).map((r) => [String(r[0]), String(r[unitCol])] as const));
  const units = [...new Set(unitOf.values())];
  if (units.length !== MERGE_UNITS) throw new Error(`expected ${MERGE_UNITS} units, got ${units.length}`);
  const master = sheets
    .filter((s) => !UNIT_SHEETS.has(s.name) || s.name === '评分')
    .map((s) => (s.name === '评分' ? { ...s, rows: s.rows.filter((r) => r[3] !== '自评') } : s));
  await writeFile(join(dir, 'master.xlsx'), await writeNewWorkbook(master));
  let rows = 0;
  for (const [i, unit] of units.entries()) {
    const own = (s: OutputSheet): OutputSheet => {
      const col = s.columns.findIndex((c) => c.header === '支部编号');
      return { ...s, rows: s.rows.filter((r) => unitOf.get(String(r[col])) === unit && (s.name !== '评分' || r[3] === '自评')) };
    };
    const unitSheets = sheets.filter((s) => UNIT_SHEETS.has(s.name)).map(own);
    rows += unitSheets.reduce((n, s) => n + s.rows.length, 0);
    await writeFile(join(dir, `unit-${String(i + 1).padStart(2, '0')}.xlsx`), await writeNewWorkbook(unitSheets));
  }
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
}

interface MergeSample {
  readonly readMs: number;
  readonly mergeMs: number;
  readonly writeMs: number;
  readonly rssMb: number;
  readonly appended: number;
  readonly same: boolean;
}

/** Child: what `merge` does on the files of `dir`, timed; then (not timed) whether the merge grades like the single sample. */
async function mergeChild(dir: string): Promise<void> {
  let t = performance.now();
  const wb = await loadExcelWorkbook(await readFile(join(dir, 'master.xlsx')), false);
  const master = rawFromExcel(wb);
  const sources: MergeSource[] = [];
  for (let i = 1; i <= MERGE_UNITS; i++) {
    const name = `unit-${String(i).padStart(2, '0')}.xlsx`;
    sources.push({ name, workbook: await readWorkbook(await readFile(join(dir, name))) });
  }
  const readMs = performance.now() - t;
  t = performance.now();
  const result = mergeWorkbooks(master, sources);
  const mergeMs = performance.now() - t;
  t = performance.now();
  applyPlanToExcel(wb, result.plan);
  const target = join(dir, `merged.${process.pid}.xlsx`);
  await writeFile(target, await workbookBytes(wb));
  const writeMs = performance.now() - t;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  await rm(target);
  const appended = result.plan.append.reduce((n, a) => n + a.rows.length, 0) + result.plan.add.reduce((n, s) => n + s.rows.length, 0);
  const digest = (raw: Parameters<typeof runWorkbook>[0]) => JSON.stringify(runWorkbook(raw).results.map((r) => [r.branch.id, r.total, r.grade]));
  const same = digest(applyPlan(master, result.plan)) === digest(sampleWorkbook({ branches: 255, form: 'wide' }));
  process.stdout.write(`${JSON.stringify({ readMs, mergeMs, writeMs, rssMb, appended, same })}\n`);
}

async function mergeBench(quick: boolean): Promise<void> {
  const dir = join(ROOT, 'out', 'bench', 'merge');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const gen = await spawnChild<{ rows: number }>(['--merge-generate', dir], undefined);
  let bytes = 0;
  for (let i = 1; i <= MERGE_UNITS; i++) bytes += (await stat(join(dir, `unit-${String(i).padStart(2, '0')}.xlsx`))).size;
  const masterMb = (await stat(join(dir, 'master.xlsx'))).size / 2 ** 20;
  process.stdout.write(
    `\nMerge: master (${masterMb.toFixed(1)} MB) + ${MERGE_UNITS} unit files of S (${thousands(gen.rows)} data rows, ${(bytes / 2 ** 20).toFixed(1)} MB in all)\n`,
  );
  const runs = quick ? 1 : 3;
  const samples: MergeSample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await spawnChild<MergeSample>(['--merge-child', dir], undefined);
    samples.push(s);
    process.stdout.write(
      `  run ${i + 1}/${runs}: read ${msText(s.readMs)}, merge ${msText(s.mergeMs)}, apply + write ${msText(s.writeMs)}, peak RSS ${s.rssMb.toFixed(0)} MB; ${thousands(s.appended)} rows merged; grades as the single workbook: ${s.same ? 'yes' : 'NO'}\n`,
    );
  }
  const m = (f: (s: MergeSample) => number) => median(samples.map(f));
  process.stdout.write('\n| merge | runs | read 30 files | mergeWorkbooks | apply + write | total | peak RSS |\n|---|---|---|---|---|---|---|\n');
  process.stdout.write(
    `| S split into ${MERGE_UNITS} unit files | ${runs} | ${sec(m((s) => s.readMs))} | ${msText(m((s) => s.mergeMs))} | ${sec(m((s) => s.writeMs))} | ${sec(m((s) => s.readMs + s.mergeMs + s.writeMs))} | ${m((s) => s.rssMb).toFixed(0)} MB |\n`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--merge-generate') {
  await generateMerge(args[1] ?? '');
} else if (args[0] === '--merge-child') {
  await mergeChild(args[1] ?? '');
} else if (args.includes('--merge')) {
  await mergeBench(args.includes('--quick'));
} else if (args[0] === '--child') {
  await child(args[1] ?? '', args[2] ?? 'score');
} else if (args[0] === '--generate') {
  await generate(args[1] ?? '', JSON.parse(args[2] ?? '{}') as SampleOptions);
} else {
  await parent(args.includes('--quick'), args.includes('--m-long'));
  await mergeBench(args.includes('--quick'));
}

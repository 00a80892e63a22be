/**
 * `npm run bench`: how long `branch-rating score` takes and how much memory it needs, at
 * S = 255 and M = 2,000 branches (6 上级 wide forms + 自评 in the long 评分 sheet, ~25 rated
 * indicators each). Prints figures; asserts nothing (house style: speed is measured, not tested).
 *
 * Each run is a fresh child process doing exactly what `score` does (one full exceljs load → raw →
 * runWorkbook → add output sheets → write), so process.resourceUsage().maxRSS is that run's peak.
 * `npm run bench -- --quick` does one run per size.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runWorkbook } from '../../engine/index';
import { sampleSheets } from '../../engine/template';
import { loadExcelWorkbook, rawFromExcel, readWorkbook } from '../../cli/xlsx-read';
import { addOutputSheets, workbookBytes, writeNewWorkbook } from '../../cli/xlsx-write';

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

function spawnChild(file: string, mode: string): Promise<Sample> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', SELF, '--child', file, mode],
      { cwd: ROOT, maxBuffer: 1 << 20, timeout: 30 * 60_000 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`child failed (${String(error.code)}): ${stderr.slice(-2000)}`));
        const line = stdout.trim().split('\n').pop() ?? '';
        done(JSON.parse(line) as Sample);
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

async function parent(quick: boolean): Promise<void> {
  const dir = join(ROOT, 'out', 'bench');
  await mkdir(dir, { recursive: true });
  const sizes = [
    { label: 'S', branches: 255, runs: quick ? 1 : 5 },
    { label: 'M', branches: 2000, runs: quick ? 1 : 3 },
  ];
  process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
  const rows: string[] = [];
  const summary: { label: string; read: number; engine: number; write: number; rss: number }[] = [];
  for (const size of sizes) {
    const file = join(dir, `bench-${size.branches}.xlsx`);
    const t = performance.now();
    await writeFile(file, await writeNewWorkbook(sampleSheets({ branches: size.branches, form: 'wide' })));
    const mb = (await stat(file)).size / 2 ** 20;
    process.stdout.write(`${size.label}: generated ${file} (${mb.toFixed(1)} MB) in ${sec(performance.now() - t)} (not timed below)\n`);

    const samples: Sample[] = [];
    for (let i = 0; i < size.runs; i++) {
      const s = await spawnChild(file, 'score');
      samples.push(s);
      process.stdout.write(`  run ${i + 1}/${size.runs}: read ${msText(s.readMs)}, engine ${msText(s.engineMs)}, write ${msText(s.writeMs)}, peak RSS ${s.rssMb.toFixed(0)} MB\n`);
    }
    const values = await spawnChild(file, 'values');
    const first = samples[0];
    const m = {
      read: median(samples.map((s) => s.readMs)),
      engine: median(samples.map((s) => s.engineMs)),
      write: median(samples.map((s) => s.writeMs)),
      rss: median(samples.map((s) => s.rssMb)),
    };
    summary.push({ label: size.label, ...m });
    rows.push(
      `| ${size.label} (${size.branches} branches, ${first?.rows ?? 0} rows, ${first?.cells ?? 0} cells, ${mb.toFixed(1)} MB) | ${size.runs} | ${sec(m.read)} | ${msText(m.engine)} | ${sec(m.write)} | ${sec(m.read + m.engine + m.write)} | ${m.rss.toFixed(0)} MB | ${((m.engine / m.read) * 100).toFixed(1)} % | ${sec(values.readMs)}, ${values.rssMb.toFixed(0)} MB |`,
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
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1] ?? '', args[2] ?? 'score');
} else {
  await parent(args.includes('--quick'));
}

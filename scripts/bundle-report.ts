/**
 * `npm run build:report` — after `npm run build`: the size of every asset in dist/ (raw and gzip), the
 * bytes each page downloads, and, per JavaScript asset, what its minified bytes come from, read from the
 * source map (each mapping segment's generated span is charged to its source file, grouped by npm package or
 * by the project's own folder). Prints Markdown tables for docs/performance.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decode one line's segments of a v3 source map "mappings" string: [generatedColumn, sourceIndex?] each. */
function decodeLine(line: string, state: { source: number }): [number, number | null][] {
  const out: [number, number | null][] = [];
  let column = 0;
  for (const seg of line.split(',')) {
    if (seg === '') continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const digit = B64_VALUE.get(ch);
      if (digit === undefined) throw new Error(`bad base64 VLQ character ${ch}`);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0] ?? 0;
    if (fields.length >= 4) {
      state.source += fields[1] ?? 0;
      out.push([column, state.source]);
    } else out.push([column, null]);
  }
  return out;
}

/** Which package (or project folder) a source path of webpack's map belongs to. */
export function owner(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? source);
  }
  // engine/ by its first-level folder (engine/parse, engine/messages …); its top-level files as "engine".
  const m = /(?:^|\/)(addin\/[^/]+|cli|engine(?:\/[^/]+(?=\/))?)\//.exec(source);
  if (m?.[1]) return `(project) ${m[1]}`;
  if (source.startsWith('webpack/')) return '(webpack runtime)';
  return `(other) ${source}`;
}

/** Bytes of the generated file charged to each owner (see `owner`); unmapped bytes under "(unmapped)". */
export function attribute(js: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const totals = new Map<string, number>();
  const charge = (who: string, n: number): void => {
    if (n > 0) totals.set(who, (totals.get(who) ?? 0) + n);
  };
  const lines = js.split('\n');
  const mapLines = map.mappings.split(';');
  const state = { source: 0 };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const segs = decodeLine(mapLines[i] ?? '', state);
    // Count UTF-8 bytes, since the file is served as bytes; columns are UTF-16 units.
    const byteLen = (from: number, to: number): number => Buffer.byteLength(text.slice(from, to));
    charge('(unmapped)', byteLen(0, segs[0]?.[0] ?? text.length));
    for (let s = 0; s < segs.length; s++) {
      const [col, src] = segs[s] as [number, number | null];
      const end = segs[s + 1]?.[0] ?? text.length;
      charge(src === null ? '(unmapped)' : owner(map.sources[src] ?? '?'), byteLen(col, end));
    }
    if (i < lines.length - 1) charge('(unmapped)', 1);
  }
  return totals;
}

/** Coarser groups for the summary: the libraries a reader knows by name. */
export function group(who: string): string {
  if (/^(react|react-dom|scheduler)$/.test(who)) return 'React (react, react-dom, scheduler)';
  if (/^(@fluentui\/|@griffel\/|tabster$|keyborg$|@floating-ui\/|@swc\/helpers$|use-sync-external-store$|@ctrl\/tinycolor$|stylis$|rtl-css-js$)/.test(who)) return 'Fluent UI 9 (@fluentui/*, griffel, tabster, floating-ui …)';
  if (/^(mathjs|typed-function|complex\.js|fraction\.js|decimal\.js|tiny-emitter|javascript-natural-sort|escape-latex|seedrandom|@babel\/runtime)$/.test(who)) return 'mathjs (parser only) and its dependencies';
  if (who === 'exceljs') return 'exceljs (browser build)';
  if (who.startsWith('(project) engine')) return '(project) engine';
  if (who.startsWith('(project)')) return who;
  return 'other (webpack runtime, unmapped, small packages)';
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function main(): void {
  const files = readdirSync(DIST).filter((f) => /\.(js|html|png|xml)$/.test(f) || f === 'assets');
  const rows: { file: string; raw: number; gz: number }[] = [];
  for (const f of files.flatMap((f) => (f === 'assets' ? readdirSync(path.join(DIST, f)).map((a) => `assets/${a}`) : [f]))) {
    const p = path.join(DIST, f);
    if (!statSync(p).isFile()) continue;
    const bytes = readFileSync(p);
    rows.push({ file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
  }
  rows.sort((a, b) => b.raw - a.raw);
  console.log('| asset | raw | gzip |\n|---|---|---|');
  for (const r of rows) console.log(`| \`${r.file}\` | ${kib(r.raw)} | ${kib(r.gz)} |`);

  // What each page downloads: the scripts its HTML names, plus the chunks it loads later.
  for (const html of ['taskpane.html', 'index.html']) {
    const text = readFileSync(path.join(DIST, html), 'utf8');
    // The HTML is minified: attribute quotes may be gone.
    const scripts = [...text.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? '').filter((s) => !s.startsWith('http'));
    const sum = (key: 'raw' | 'gz'): number => scripts.reduce((t, s) => t + (rows.find((r) => r.file === s)?.[key] ?? 0), 0);
    console.log(`\n${html} at load: ${scripts.join(', ')} — ${kib(sum('raw'))} raw, ${kib(sum('gz'))} gzip`);
  }

  for (const js of rows.filter((r) => r.file.endsWith('.js'))) {
    const code = readFileSync(path.join(DIST, js.file), 'utf8');
    let map: { sources: string[]; mappings: string };
    try {
      map = JSON.parse(readFileSync(path.join(DIST, `${js.file}.map`), 'utf8')) as typeof map;
    } catch {
      continue;
    }
    const attributed = attribute(code, map);
    const groups = new Map<string, number>();
    for (const [who, n] of attributed) groups.set(group(who), (groups.get(group(who)) ?? 0) + n);
    console.log(`\n${js.file} (${kib(js.raw)}), by library`);
    console.log('| from | bytes | share |\n|---|---|---|');
    for (const [who, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`| ${who} | ${kib(n)} | ${((100 * n) / js.raw).toFixed(1)} % |`);
    const totals = [...attributed].sort((a, b) => b[1] - a[1]);
    console.log(`\n${js.file} (${kib(js.raw)}): what the minified bytes come from`);
    console.log('| from | bytes | share |\n|---|---|---|');
    let rest = 0;
    for (const [who, n] of totals) {
      if (n / js.raw < 0.01) rest += n;
      else console.log(`| ${who} | ${kib(n)} | ${((100 * n) / js.raw).toFixed(1)} % |`);
    }
    if (rest > 0) console.log(`| everything under 1 % each | ${kib(rest)} | ${((100 * rest) / js.raw).toFixed(1)} % |`);
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) main();

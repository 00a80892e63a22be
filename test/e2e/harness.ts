/**
 * What the end-to-end tests of the web page stand on: the page built with the repository's own
 * webpack.config.js (only the `web` entry, into a temp folder), a tiny static server on 127.0.0.1, and
 * Debian's Chromium driven by playwright-core. No browser is downloaded: `.ci/run` installs chromium and
 * fonts-wqy-microhei with apt-get, and a missing browser fails the tests (it never skips them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { chromium, type Browser } from 'playwright-core';
import webpack, { type Configuration, type Stats } from 'webpack';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags of a clean, quiet headless Chromium that reaches nothing on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;

/**
 * Build the web page (entry `web` → index.html) with webpack.config.js in development mode, without
 * source maps (faster; the page's CSP forbids the eval-based ones anyway), into a fresh temp folder.
 */
export async function buildWebPage(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'br-e2e-web-'));
  // A computed specifier: the config is plain JavaScript without type declarations.
  const configUrl = pathToFileURL(join(ROOT, 'webpack.config.js')).href;
  const factory = ((await import(configUrl)) as { default: ConfigFactory }).default;
  const base = await factory({}, { mode: 'development' });
  const config: Configuration = {
    ...base,
    mode: 'development',
    devtool: false,
    entry: { web: './addin/web/index.tsx' },
    output: { ...base.output, path: dir },
    // The task pane's page is another entry's; its HtmlWebpackPlugin would look for a missing chunk.
    plugins: (base.plugins ?? []).filter((p) => !(p instanceof HtmlWebpackPlugin && p.userOptions.filename === 'taskpane.html')),
    infrastructureLogging: { level: 'error' },
  };
  const compiler = webpack(config);
  const stats = await new Promise<Stats>((ok, fail) =>
    compiler.run((err, s) => {
      if (err) fail(err);
      else if (s === undefined) fail(new Error('webpack returned no stats'));
      else ok(s);
    }),
  );
  await new Promise<void>((ok) => compiler.close(() => ok()));
  if (stats.hasErrors()) {
    throw new Error(`webpack build of the web page failed:\n${stats.toString({ all: false, errors: true, errorDetails: true })}`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve a folder on 127.0.0.1 at a random port (GET only, no listing, nothing outside the folder). */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (req.method !== 'GET' || !(path === root || path.startsWith(root + sep))) {
      res.writeHead(req.method === 'GET' ? 403 : 405).end();
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Debian's Chromium, headless. Throws (so the tests fail) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's Chromium and a CJK font (apt-get install -y chromium fonts-wqy-microhei; .ci/run does this).`);
  }
  // Without a CJK font the page renders Chinese as empty boxes and the screenshots prove nothing.
  let cjk = '';
  try {
    cjk = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    cjk = '';
  }
  if (cjk === '') throw new Error('No Chinese font is installed (fc-list :lang=zh is empty): apt-get install -y fonts-wqy-microhei (.ci/run does this).');
  // launch() gives every run a fresh temporary user-data-dir and removes it on close.
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}

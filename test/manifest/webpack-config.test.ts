// The build's promises, checked on the configuration itself (building takes a minute; the web page's
// end-to-end tests build for real): two pages, Office.js only on the task pane, a connect-src 'self' CSP on
// the web page, the assets and manifest copied, hashed names in production, and the certificate fallback
// of the dev server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface HtmlPluginLike {
  userOptions?: { filename?: string; chunks?: string[]; templateContent?: string };
}
interface ConfigLike {
  mode: string;
  entry: Record<string, string>;
  output: { path: string; filename: string };
  devtool: string;
  plugins: HtmlPluginLike[];
  optimization: { splitChunks: { cacheGroups: Record<string, { name?: string; test?: RegExp }> } };
  devServer?: unknown;
}
type ConfigFn = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<ConfigLike>;

const root = path.resolve(import.meta.dirname, '../..');
// A variable specifier: the config is plain ESM JavaScript, outside the TypeScript program.
const configUrl = pathToFileURL(path.join(root, 'webpack.config.js')).href;
const certsUrl = pathToFileURL(path.join(root, 'scripts/dev-certs.js')).href;

async function load(mode: 'production' | 'development'): Promise<ConfigLike> {
  const mod = (await import(configUrl)) as { default: ConfigFn };
  return mod.default({}, { mode });
}

const page = (config: ConfigLike, filename: string): { chunks: string[]; html: string } => {
  const plugin = config.plugins.find((p) => p.userOptions?.filename === filename);
  expect(plugin, filename).toBeDefined();
  return { chunks: plugin?.userOptions?.chunks ?? [], html: plugin?.userOptions?.templateContent ?? '' };
};

describe('webpack.config.js', () => {
  it('builds the task pane and the web page from their entries into dist/', async () => {
    const config = await load('production');
    expect(config.entry).toEqual({ taskpane: './addin/taskpane/index.tsx', web: './addin/web/index.tsx' });
    expect(config.output.path).toBe(path.join(root, 'dist'));
    expect(config.output.filename).toContain('[contenthash');
    expect(config.devtool).not.toMatch(/eval/); // the web page's CSP forbids eval, in development too
    expect((await load('development')).devtool).not.toMatch(/eval/);
    expect(config.devServer).toBeUndefined(); // certificates are only asked for by `webpack serve`
  });

  it('loads Office.js from Microsoft\'s CDN in the task pane only', async () => {
    const config = await load('production');
    const taskpane = page(config, 'taskpane.html');
    const web = page(config, 'index.html');
    expect(taskpane.chunks).toEqual(['taskpane']);
    expect(web.chunks).toEqual(['web']);
    expect(taskpane.html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(web.html).not.toContain('office.js');
    for (const html of [taskpane.html, web.html]) {
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('<meta charset="utf-8" />');
      // Nothing else from the network: every other URL in the page is relative.
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(urls.filter((u) => u !== undefined && /^[a-z]+:/i.test(u))).toEqual(html === taskpane.html ? ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'] : []);
    }
  });

  it('gives the web page a CSP that allows connections to its own origin only', async () => {
    const { html } = page(await load('production'), 'index.html');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('shows a message instead of the task pane in Internet Explorer and Edge Legacy webviews', async () => {
    const { html } = page(await load('production'), 'taskpane.html');
    expect(html).toContain("ua.indexOf('Trident/')");
    expect(html).toContain("ua.indexOf('Edge/')");
    expect(html).toContain('WebView2');
    // The check must run before Office.js and the bundle.
    expect(html.indexOf('Trident/')).toBeLessThan(html.indexOf('office.js'));
  });

  it('puts exceljs in its own chunk, so the task pane never downloads it', async () => {
    const groups = (await load('production')).optimization.splitChunks.cacheGroups;
    expect(groups['exceljs']?.name).toBe('exceljs');
    expect(groups['exceljs']?.test?.test('/x/node_modules/exceljs/dist/exceljs.min.js')).toBe(true);
    expect(groups['exceljs']?.test?.test('/x/node_modules/react-dom/index.js')).toBe(false);
  });
});

describe('dev server certificates (scripts/dev-certs.js)', () => {
  it('reads already generated certificates, and returns null when there are none', async () => {
    const { readGeneratedCerts } = (await import(certsUrl)) as {
      readGeneratedCerts: (dir: string) => { cert: Buffer; key: Buffer; ca?: Buffer } | null;
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'certs-'));
    expect(readGeneratedCerts(dir)).toBeNull();
    writeFileSync(path.join(dir, 'localhost.crt'), 'CERT');
    expect(readGeneratedCerts(dir)).toBeNull(); // no key yet
    writeFileSync(path.join(dir, 'localhost.key'), 'KEY');
    const partial = readGeneratedCerts(dir);
    expect(partial?.cert.toString()).toBe('CERT');
    expect(partial?.key.toString()).toBe('KEY');
    expect(partial && 'ca' in partial).toBe(false);
    writeFileSync(path.join(dir, 'ca.crt'), 'CA');
    expect(readGeneratedCerts(dir)?.ca?.toString()).toBe('CA');
  });
});

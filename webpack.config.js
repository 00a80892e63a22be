// Builds the two pages of the add-in (issue #4) into dist/:
// - taskpane.html: the Excel task pane; loads Office.js from Microsoft's CDN (the only network load);
// - index.html:    the same UI as a plain web page over an .xlsx held in memory; no Office.js, and a
//                  Content-Security-Policy that forbids any connection except to its own origin.
// `npm run build` → production (minified, contenthash names); `npm run dev-server` → https://localhost:3000.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { httpsOptions } from './scripts/dev-certs.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The web page may reach nothing but its own origin: the workbook never leaves the browser. Styles are
 * inline because Fluent UI (Griffel) inserts its CSS at run time; 'self' in connect-src also covers the
 * dev server's same-origin websocket.
 */
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Shown instead of the task pane in the webviews React 19, Fluent UI 9 and the bundle's ES2022 cannot run in:
 * Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML), which volume-licensed Office 2019 on Windows
 * may still use. Microsoft recommends a graceful message there ("Support older Microsoft webviews").
 * Plain ES3 on purpose: it must parse in Trident.
 */
const OLD_WEBVIEW_CHECK = `
    <script>
      (function () {
        var ua = window.navigator.userAgent;
        if (ua.indexOf('Trident/') === -1 && ua.indexOf('Edge/') === -1) return;
        window.__brOldWebview = true;
        document.addEventListener('DOMContentLoaded', function () {
          document.getElementById('root').innerHTML =
            '<div style="padding:16px;font-family:sans-serif">' +
            '<p>此加载项需要基于 Chromium 的 Microsoft Edge WebView2（Office 2021、Microsoft 365 或更新版本），当前 Office 使用的旧版浏览器控件无法运行它。请改用 Excel 网页版，或打开本工具的网页版。</p>' +
            '<p lang="en">This add-in needs the Chromium-based Microsoft Edge WebView2 (Office 2021, Microsoft 365 or later); the older browser control this Office uses cannot run it. Use Excel on the web, or the web-page version of this tool.</p>' +
            '</div>';
        });
      })();
    </script>`;

/** The HTML shell of a page: the React root is `<div id="root">`. */
function page({ title, head }) {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />${head}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => Promise<import('webpack').Configuration>} */
export default async function config(env = {}, argv = {}) {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: production ? 'production' : 'development',
    context: root,
    target: 'web',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      web: './addin/web/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // No eval-based source maps: the web page's CSP forbids eval, in development too.
    devtool: 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The engine and cli/ import with .js-less paths; nothing to alias. exceljs resolves to its
      // browser build (package.json "browser": dist/exceljs.min.js) because the target is 'web'.
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.join(root, 'addin/tsconfig.json'),
              // Type checking is `npm run typecheck`'s job; the base tsconfig says noEmit for tsc.
              transpileOnly: true,
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs (~1 MB minified) is needed only by the web page's .xlsx reader/writer: its own chunk,
          // so the task pane in Excel never downloads it and a new build of the app does not re-send it.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'all',
            enforce: true,
          },
        },
      },
    },
    performance: {
      // Sizes are reported in docs/performance.md ("Add-in bundle"); the pages load from localhost or an
      // intranet server, so webpack's 244 KiB web-site budget is not the right alarm.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 3_000_000,
      maxAssetSize: 1_500_000,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateContent: page({
          title: '支部评定',
          head: `${OLD_WEBVIEW_CHECK}\n    <script src="${OFFICE_JS}"></script>`,
        }),
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['web'],
        templateContent: page({
          title: '支部评定 · 网页版',
          head: `\n    <meta http-equiv="Content-Security-Policy" content="${WEB_CSP}" />`,
        }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifests/manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          host: 'localhost',
          server: { type: 'https', options: await httpsOptions() },
          static: false,
          // Excel on the web loads the task pane from another origin.
          headers: { 'Access-Control-Allow-Origin': '*' },
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
}

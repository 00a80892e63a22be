/**
 * The Excel entry of the task pane (webpack entry `taskpane`). Office.onReady runs once; in Excel it
 * renders the pane over the Office.js host. Opened outside Excel (a browser, or Office.js missing),
 * it says where to open it instead of failing silently.
 */
import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../office/excel-host';
import { App } from './App';
import { pickLocale, strings } from './i18n';

function mount(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const el = document.createElement('div');
  el.id = 'root';
  document.body.appendChild(el);
  return el;
}

/** Shown when the page is not running inside Excel. */
function notInExcel(displayLanguage?: string): void {
  const locale = pickLocale(displayLanguage ?? navigator.language);
  document.documentElement.lang = locale;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent =
    locale === 'en-US'
      ? `${strings(locale).title}: open this page from the add-in's button in Excel, or use the web page (index.html) to work on an .xlsx file in the browser.`
      : `${strings(locale).title}：请在 Excel 中通过加载项按钮打开此任务窗格；没有 Excel 时，请使用网页版（index.html）在浏览器中打开 .xlsx 文件。`;
  mount().replaceChildren(p);
}

if (typeof Office === 'undefined') {
  notInExcel();
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      notInExcel(Office.context?.displayLanguage);
      return;
    }
    const locale = pickLocale(Office.context.displayLanguage);
    document.documentElement.lang = locale;
    createRoot(mount()).render(<App host={createExcelHost()} locale={locale} />);
  });
}

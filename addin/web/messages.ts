/**
 * The web page's own words (the task pane inside it has its own catalog). zh-CN first, en-US second;
 * the compiler requires every key in both.
 */
import type { Locale } from '../../engine/messages';

export interface WebMessages {
  readonly product: string;
  readonly tagline: string;
  readonly privacy: string;
  readonly open: string;
  readonly openOther: string;
  readonly dropHere: string;
  readonly dropHint: string;
  readonly newBlank: string;
  readonly blankName: string;
  readonly opening: (file: string) => string;
  readonly openFailed: string;
  readonly notXlsx: (file: string) => string;
  readonly download: string;
  readonly downloading: string;
  readonly downloadFailed: string;
  readonly language: string;
  readonly fileLabel: string;
  readonly selected: (where: string) => string;
  readonly selectedSheet: (sheet: string) => string;
  readonly missingSheet: (sheet: string) => string;
  readonly previewTitle: string;
  readonly previewEmpty: string;
  readonly unsavedWarning: string;
}

const zhCN: WebMessages = {
  product: '支部评定',
  tagline: '网页版 · 在浏览器中打开 .xlsx 工作簿，检查、计算并下载结果',
  privacy: '工作簿只在本机浏览器内处理，不会上传到任何地方。',
  open: '打开 .xlsx',
  openOther: '打开其他文件',
  dropHere: '把 .xlsx 工作簿拖到这里',
  dropHint: '或点击“打开 .xlsx”选择文件。还没有工作簿？新建一个空白工作簿，再在“准备”中从模板创建输入表。',
  newBlank: '新建空白工作簿',
  blankName: '新工作簿.xlsx',
  opening: (file) => `正在读取「${file}」…`,
  openFailed: '无法打开工作簿',
  notXlsx: (file) => `「${file}」不是 .xlsx 工作簿。请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再打开。`,
  download: '下载结果',
  downloading: '正在生成…',
  downloadFailed: '下载失败',
  language: '语言',
  fileLabel: '当前文件',
  selected: (where) => `已选中 ${where}`,
  selectedSheet: (sheet) => `已选中工作表「${sheet}」`,
  missingSheet: (sheet) => `工作簿中没有工作表「${sheet}」`,
  previewTitle: '单元格预览（只读）',
  previewEmpty: '在任务窗格的“检查”中点击一条问题，这里会显示对应单元格及其周围的数据。',
  unsavedWarning: '计算结果尚未下载，离开页面将丢失。',
};

const enUS: WebMessages = {
  product: 'Branch Rating',
  tagline: 'Web edition · open an .xlsx workbook in your browser, check it, compute and download the result',
  privacy: 'The workbook is processed only in this browser; nothing is uploaded anywhere.',
  open: 'Open .xlsx',
  openOther: 'Open another file',
  dropHere: 'Drop an .xlsx workbook here',
  dropHint: 'or click "Open .xlsx" to choose a file. No workbook yet? Start a blank one, then create the input sheets from the template in the Prepare step.',
  newBlank: 'New blank workbook',
  blankName: 'New workbook.xlsx',
  opening: (file) => `Reading "${file}"…`,
  openFailed: 'Could not open the workbook',
  notXlsx: (file) => `"${file}" is not an .xlsx workbook. Save it as .xlsx (Excel Workbook) in Excel or WPS, then open it here.`,
  download: 'Download result',
  downloading: 'Preparing…',
  downloadFailed: 'Download failed',
  language: 'Language',
  fileLabel: 'File',
  selected: (where) => `Selected ${where}`,
  selectedSheet: (sheet) => `Selected sheet "${sheet}"`,
  missingSheet: (sheet) => `The workbook has no sheet "${sheet}"`,
  previewTitle: 'Cell preview (read-only)',
  previewEmpty: 'Click an issue in the task pane\'s Check step to see its cell and the data around it here.',
  unsavedWarning: 'The results have not been downloaded; leaving the page loses them.',
};

const CATALOG: { readonly [L in Locale]: WebMessages } = { 'zh-CN': zhCN, 'en-US': enUS };

/** The page's words in a locale. */
export function webMessages(locale: Locale): WebMessages {
  return CATALOG[locale];
}

/** The starting language: Chinese for any zh-* browser, English otherwise (the product's two locales). */
export function localeFromNavigator(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

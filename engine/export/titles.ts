/**
 * The title rows of the exported sheets: `2026年度党支部分类定级结果公示` and `导出日期：2026-11-21`
 * (en-US: `2026 party branch grading — public list`, `Exported: 2026-11-21`).
 */
import type { Locale } from '../messages';

const TITLES: { readonly [L in Locale]: Readonly<Record<string, string>> } = {
  'zh-CN': {
    公示名单: '党支部分类定级结果公示',
    单位汇总: '党支部分类定级单位汇总',
    评定结果: '党支部分类定级评定结果',
    问题清单: '党支部问题清单',
  },
  'en-US': {
    公示名单: 'party branch grading — public list',
    单位汇总: 'party branch grading — by unit',
    评定结果: 'party branch grading — results',
    问题清单: 'party branch gaps to remedy',
  },
};

/**
 * 评定年度 as a title prefix: `2026` → `2026年度`; `2026年` → `2026年度`; `2025-2026学年度` kept;
 * not set → no prefix. en-US: `2026 `.
 */
export function yearLabel(year: string | null, locale: Locale): string {
  const y = (year ?? '').trim();
  if (y === '') return '';
  if (locale === 'en-US') return `${y.replace(/年度?$/, '')} `;
  if (y.endsWith('年度')) return y;
  if (y.endsWith('年')) return `${y}度`;
  return `${y}年度`;
}

/** The title of an exported sheet, e.g. `2026年度党支部分类定级结果公示`. */
export function titleOf(sheet: string, year: string, locale: Locale): string {
  return `${year}${TITLES[locale][sheet] ?? sheet}`;
}

/** `导出日期：2026-11-21`. */
export function dateLine(date: string, locale: Locale): string {
  return locale === 'zh-CN' ? `导出日期：${date}` : `Exported: ${date}`;
}

/**
 * Sheet discovery: which raw sheet plays which role. Sheets are found by name, Chinese or English
 * alias, after normalisation (`Ｂｒａｎｃｈｅｓ ` is 支部). Output sheets are never inputs. New
 * kinds (the ballot sheets of §2.7) are one more row in {@link SHEET_KINDS}.
 */
import { issue, type Issue } from '../issues';
import { OUTPUT_SHEET_NAMES } from '../output';
import type { RawSheet, RawWorkbook } from '../raw';
import { normName, toHalfWidth } from './normalize';

/** Input sheet kinds found by a fixed name. */
export const SHEET_KINDS = [
  { kind: 'branches', names: ['支部', 'Branches'] },
  { kind: 'rubric', names: ['指标', 'Rubric'] },
  { kind: 'scores', names: ['评分', 'Scores'] },
  { kind: 'ledger', names: ['台账', 'Ledger'] },
  { kind: 'vetoes', names: ['否决', 'Vetoes'] },
  { kind: 'settings', names: ['参数', 'Settings'] },
  // Ballot sheets (§2.7): one kind per name; each kind has a long form and a pre-counted (计票) form.
  { kind: 'review', names: ['双述双评', 'Review'] },
  { kind: 'reviewCounts', names: ['双述双评计票', 'ReviewCounts', 'Review Counts'] },
  { kind: 'satisfaction', names: ['满意度', 'Satisfaction'] },
  { kind: 'satisfactionCounts', names: ['满意度计票', 'SatisfactionCounts', 'Satisfaction Counts'] },
  { kind: 'appraisal', names: ['民主评议', 'Appraisal'] },
  { kind: 'appraisalCounts', names: ['民主评议计票', 'AppraisalCounts', 'Appraisal Counts'] },
] as const;

export type SheetKind = (typeof SHEET_KINDS)[number]['kind'];

/** The contract's Chinese name of each kind (for SHEET_MISSING locations). */
export const SHEET_NAME: { readonly [K in SheetKind]: string } = {
  branches: '支部',
  rubric: '指标',
  scores: '评分',
  ledger: '台账',
  vetoes: '否决',
  settings: '参数',
  review: '双述双评',
  reviewCounts: '双述双评计票',
  satisfaction: '满意度',
  satisfactionCounts: '满意度计票',
  appraisal: '民主评议',
  appraisalCounts: '民主评议计票',
};

/**
 * Wide scoring forms: `评分-张三`, `评分_张三`, `评分－张三`, `Scores-张三`, `Scores_张三`
 * (checked on the normalised name, so `－` is already `-`). The suffix is the rater.
 */
const WIDE_FORM = /^(?:评分|scores)[-_](.+)$/;

/** A sheet that holds scores, in workbook order (the order decides which duplicate came first). */
export type ScoreSheet =
  | { readonly form: 'long'; readonly sheet: RawSheet }
  | { readonly form: 'wide'; readonly sheet: RawSheet; readonly rater: string };

export interface Discovered {
  readonly byKind: ReadonlyMap<SheetKind, RawSheet>;
  /** The long form (评分) and every wide form, in workbook order. */
  readonly scoreSheets: readonly ScoreSheet[];
  /**
   * Output sheets of a previous run, by their name as OUTPUT_SHEET_NAMES writes it (the first when two
   * normalise alike). Read only for the user columns a re-run keeps (民主评议汇总's 最终等次), never
   * validated as input.
   */
  readonly outputs: ReadonlyMap<string, RawSheet>;
}

const KIND_BY_NAME: ReadonlyMap<string, SheetKind> = new Map(
  SHEET_KINDS.flatMap((k) => k.names.map((n) => [normName(n), k.kind] as const)),
);
const OUTPUTS: ReadonlyMap<string, string> = new Map(OUTPUT_SHEET_NAMES.map((n) => [normName(n), n] as const));

/** The rater named by a wide form's sheet name, or undefined when the sheet is not one. */
export function wideFormRater(sheetName: string): string | undefined {
  const m = WIDE_FORM.exec(normName(sheetName));
  if (!m) return undefined;
  // The regex ran on the lower-cased name; take the suffix from the original to keep its case.
  const half = toHalfWidth(sheetName).trim();
  const rater = half.slice(half.length - (m[1] ?? '').length).trim();
  return rater === '' ? undefined : rater;
}

/** Assign each sheet of the workbook a kind; SHEET_DUPLICATE when two sheets claim one kind (first used). */
export function discoverSheets(raw: RawWorkbook, issues: Issue[]): Discovered {
  const byKind = new Map<SheetKind, RawSheet>();
  const scoreSheets: ScoreSheet[] = [];
  const outputs = new Map<string, RawSheet>();
  for (const sheet of raw.sheets) {
    const key = normName(sheet.name);
    const output = OUTPUTS.get(key);
    if (output !== undefined) {
      if (!outputs.has(output)) outputs.set(output, sheet);
      continue;
    }
    const kind = KIND_BY_NAME.get(key);
    if (kind) {
      const first = byKind.get(kind);
      if (first) {
        issues.push(issue('SHEET_DUPLICATE', { sheet: sheet.name }, { other: first.name }));
        continue;
      }
      byKind.set(kind, sheet);
      if (kind === 'scores') scoreSheets.push({ form: 'long', sheet });
      continue;
    }
    const rater = wideFormRater(sheet.name);
    if (rater !== undefined) scoreSheets.push({ form: 'wide', sheet, rater });
  }
  return { byKind, scoreSheets, outputs };
}

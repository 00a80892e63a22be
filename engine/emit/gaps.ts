/**
 * 问题清单 (workbook.md §5.3, §8 Gaps): this run's gaps merged with the sheet as the user left it.
 * Rows are keyed by (支部编号, 问题类型, 项目). A gap found now gets fresh engine columns and keeps
 * the user's columns of its old row; an old engine row not found now stays as 本次未检出; a row the
 * user added stays exactly as written; columns the user added travel with their row. Nothing the
 * user wrote is ever lost.
 */
import { renderGap } from '../messages';
import type { CellFormat, Highlight, NumberFormat, OutputColumn, OutputSheet, OutputValue } from '../output';
import { cellText, normName } from '../parse/normalize';
import { roundRatio, roundScore, scoreFormat, percentFormat, COUNT_FORMAT } from './format';
import type { Gap, GapType } from '../results';
import type { EmitContext } from './context';
import { findSheet, layout, mergeByKey, readExisting, rowKey } from './user-columns';

export const GAPS_SHEET = '问题清单';

/** 检出状态 of a row this run found. */
export const DETECTED = '本次检出';
/** 检出状态 of an engine row this run no longer finds. */
export const NOT_DETECTED = '本次未检出';
/** 整改状态 of a new gap. */
export const NOT_STARTED = '未整改';

export const GAP_KEY_COLUMNS = ['支部编号', '问题类型', '项目'] as const;
const ENGINE_COLUMNS = ['支部编号', '支部名称', '所属党委', '问题类型', '项目', '问题描述', '标准', '实际', '差距', '整改建议'] as const;
/** The user's columns (§5.3): the engine writes them only for a new gap, and then only 整改状态. */
export const GAP_USER_COLUMNS = ['整改措施', '责任人', '整改时限', '整改状态', '销号日期'] as const;
const STATUS = '检出状态';
const MEASURE_COLUMNS = ['标准', '实际', '差距'] as const;
const KNOWN: readonly string[] = [...ENGINE_COLUMNS, ...GAP_USER_COLUMNS, STATUS];

/** The unit of each 问题类型 (§8 Gaps), so that old rows kept as 本次未检出 keep their formats too. */
const GAP_UNITS: { readonly [T in GapType]: Gap['unit'] } = {
  指标低于预警线: 'points',
  维度未达强: 'points',
  会议次数不足: 'count',
  否决事项: 'none',
  满意率偏低: 'ratio',
  书记评议预警: 'ratio',
  连续较差: 'none',
  民主评议优秀超比例: 'ratio',
};

function unitOfType(type: OutputValue | undefined): Gap['unit'] {
  const name = normName(cellText(type ?? null));
  const found = (Object.keys(GAP_UNITS) as GapType[]).find((t) => t === name);
  return found === undefined ? 'none' : GAP_UNITS[found];
}

/** Points and counts to 小数位数, ratios to 小数位数 + 2 (shown as percents). */
function roundMeasure(x: number | null, unit: Gap['unit'], decimals: number): number | null {
  return unit === 'ratio' ? roundRatio(x, decimals) : roundScore(x, decimals);
}

/** Points → `0.00`; whole counts → `0`; ratios → `0.00%`; anything else keeps the column's General. */
function measureFormat(unit: Gap['unit'], value: OutputValue | undefined, decimals: number): NumberFormat | null {
  if (unit === 'points') return scoreFormat(decimals);
  if (unit === 'ratio') return percentFormat(decimals);
  if (unit === 'count') return typeof value === 'number' && !Number.isInteger(value) ? scoreFormat(decimals) : COUNT_FORMAT;
  return null;
}

function isEngineRow(values: ReadonlyMap<string, OutputValue>): boolean {
  const status = normName(cellText(values.get(STATUS) ?? null));
  return status === DETECTED || status === NOT_DETECTED;
}

/** The 问题清单 sheet, merged with the one already in the workbook. */
export function emitGaps(ctx: EmitContext): OutputSheet {
  const d = ctx.settings.decimals;
  const branches = new Map(ctx.model.branches.map((b) => [b.id, b]));
  const existing = readExisting(findSheet(ctx.existing, GAPS_SHEET), KNOWN);
  const freshKeys = ctx.gaps.map((g) => rowKey([g.branch, g.type, g.item]));
  const merge = mergeByKey(existing, GAP_KEY_COLUMNS, freshKeys);
  const headers = [...KNOWN, ...merge.extraColumns];

  const out: { values: Map<string, OutputValue>; unit: Gap['unit'] }[] = [];
  ctx.gaps.forEach((g, i) => {
    const old = merge.matched[i];
    const branch = branches.get(g.branch);
    const values = new Map<string, OutputValue>([
      ['支部编号', g.branch],
      ['支部名称', branch?.name ?? null],
      ['所属党委', branch?.unit ?? null],
      ['问题类型', g.type],
      ['项目', g.item],
      ['问题描述', renderGap(g, ctx.prose, ctx.locale)],
      ['标准', roundMeasure(g.standard, g.unit, d)],
      ['实际', roundMeasure(g.actual, g.unit, d)],
      ['差距', roundMeasure(g.diff, g.unit, d)],
      ['整改建议', g.advice],
    ]);
    for (const col of GAP_USER_COLUMNS) {
      // A column the old sheet had is copied exactly, blanks included; one it lacked starts fresh.
      values.set(col, old?.has(col) ? (old.get(col) ?? null) : col === '整改状态' ? NOT_STARTED : null);
    }
    values.set(STATUS, DETECTED);
    for (const col of merge.extraColumns) values.set(col, old?.get(col) ?? null);
    out.push({ values, unit: g.unit });
  });
  for (const left of merge.leftovers) {
    const values = new Map(left.values);
    // A copy of a row found now, or a row the user wrote, stays exactly as written.
    if (!left.duplicate && isEngineRow(left.values)) values.set(STATUS, NOT_DETECTED);
    out.push({ values, unit: unitOfType(values.get('问题类型')) });
  }

  const cellFormats: CellFormat[] = [];
  out.forEach(({ values, unit }, row) => {
    for (const column of MEASURE_COLUMNS) {
      const format = measureFormat(unit, values.get(column), d);
      if (format !== null) cellFormats.push({ row, column, format });
    }
  });

  return {
    name: GAPS_SHEET,
    tableName: 'BR_Gaps',
    columns: headers.map((header) => column(header)),
    rows: out.map(({ values }) => layout(headers, values)),
    freezeColumns: 2,
    highlights: GAP_HIGHLIGHTS,
    cellFormats,
  };
}

const WIDTHS: Readonly<Record<string, number>> = {
  支部编号: 10,
  支部名称: 24,
  所属党委: 18,
  问题类型: 14,
  项目: 14,
  问题描述: 40,
  整改建议: 30,
  整改措施: 30,
  检出状态: 10,
};

function column(header: string): OutputColumn {
  const width = WIDTHS[header] ?? 10;
  if (header === '支部编号') return { header, format: '@', width };
  if ((MEASURE_COLUMNS as readonly string[]).includes(header)) return { header, format: 'General', width };
  const user = !(ENGINE_COLUMNS as readonly string[]).includes(header) && header !== STATUS;
  return user ? { header, width, user: true } : { header, width };
}

const GAP_HIGHLIGHTS: readonly Highlight[] = [
  { column: STATUS, equals: NOT_DETECTED, style: 'fair' },
  { column: '整改状态', equals: NOT_STARTED, style: 'warn' },
  { column: '整改状态', equals: '整改中', style: 'fair' },
  { column: '整改状态', equals: '已销号', style: 'good' },
];

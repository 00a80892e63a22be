/**
 * 参数 (Settings), workbook.md §2.8 and §8 Settings: two columns 参数 and 值; every key optional;
 * an unknown key is a warning, a repeated key keeps the first, an unreadable value keeps the
 * default. Parsed first: grade names are needed to read 上年等次 and every effect.
 */
import { issue, type Issue } from '../issues';
import { a1 } from '../location';
import { cellAt, isBlank, isCellError, type RawSheet, type Scalar } from '../raw';
import { DEFAULTS, SETTING_KEYS, type SettingKey, type Settings } from '../settings';
import { readId, ref, requiredKey, type ReadContext } from './cells';
import { cellText, normName } from './normalize';
import { readNumberCell, type NumberKind } from './numbers';
import { parseDescendingNumbers, parseMapEntries, parseNameList } from './settingValues';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Draft = { -readonly [K in keyof Settings]: Settings[K] };

const COLUMNS: readonly ColumnSpec<'key' | 'value'>[] = [
  { key: 'key', header: '参数', aliases: ['key'], required: true },
  { key: 'value', header: '值', aliases: ['value'], required: true },
];

/** How one key reads its value; `expected` shows the accepted format in SETTING_INVALID. */
interface Rule {
  readonly expected: string;
  /** Apply the value to the draft; false when it cannot be read. */
  readonly apply: (v: Scalar, d: Draft) => boolean;
}

function numberOf(v: Scalar, kind: NumberKind): number | undefined {
  const r = readNumberCell(v, kind);
  return r.ok ? r.value : undefined;
}

/** A single number read as `kind` and accepted by `valid`, stored by `set`. */
function scalar(expected: string, kind: NumberKind, valid: (n: number) => boolean, set: (d: Draft, n: number) => void): Rule {
  return {
    expected,
    apply: (v, d) => {
      const n = numberOf(v, kind);
      if (n === undefined || !valid(n)) return false;
      set(d, n);
      return true;
    },
  };
}

const unit = (n: number): boolean => n >= 0 && n <= 1;
const openUnit = (n: number): boolean => n > 0 && n <= 1;
const nonNegative = (n: number): boolean => n >= 0;
const wholeNonNegative = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * A partial map over `base`: keys it names are overridden, the rest keep their values
 * (`会议最低次数 党课=2` keeps 支委会=12 …). With `fixed`, only those keys are allowed.
 */
function mapRule(
  expected: string,
  kind: NumberKind,
  valid: (n: number) => boolean,
  get: (d: Draft) => ReadonlyMap<string, number>,
  set: (d: Draft, m: ReadonlyMap<string, number>) => void,
  options: { readonly fixed?: boolean; readonly weights?: boolean } = {},
): Rule {
  return {
    expected,
    apply: (v, d) => {
      if (typeof v !== 'string' || isBlank(v)) return false;
      const entries = parseMapEntries(v, kind, valid);
      if (!entries) return false;
      const base = get(d);
      const canonical = new Map([...base.keys()].map((k) => [normName(k), k] as const));
      const next = new Map(base);
      for (const [key, n] of entries) {
        const known = canonical.get(normName(key));
        if (known === undefined && options.fixed) return false;
        next.set(known ?? key, n);
      }
      // Weights are renormalised over the roles present, so at least one must be positive.
      if (options.weights && ![...next.values()].some((w) => w > 0)) return false;
      set(d, next);
      return true;
    },
  };
}

const RATIO = '0–1 (0.3 / 30% / 1/3)';
const OPEN_RATIO = '(0, 1] (0.6 / 60%)';
const NUMBER = '≥ 0';

const RULES: { readonly [K in SettingKey]: Rule } = {
  等次名称: {
    expected: '好,较好,一般,较差',
    apply: (v, d) => {
      const names = typeof v === 'string' ? parseNameList(v, 2) : undefined;
      if (!names) return false;
      d.gradeNames = names;
      return true;
    },
  },
  等次分数线: {
    expected: '90,80,60',
    apply: (v, d) => {
      const list = parseDescendingNumbers(cellText(v));
      if (!list) return false;
      d.gradeThresholds = list;
      return true;
    },
  },
  最高等次比例上限: scalar(RATIO, 'ratio', unit, (d, n) => (d.topGradeQuota = n)),
  比例控制范围: {
    expected: '全部 / 所属党委',
    apply: (v, d) => {
      const t = normName(cellText(v));
      if (t === '全部' || t === 'all') d.quotaScope = 'all';
      else if (t === '所属党委' || t === 'unit') d.quotaScope = 'unit';
      else return false;
      return true;
    },
  },
  评分人类别权重: mapRule('上级=0.6,自评=0.4', 'ratio', nonNegative, (d) => d.roleWeights, (d, m) => (d.roleWeights = m), { weights: true }),
  去极值最少人数: scalar('≥ 3', 'plain', (n) => Number.isInteger(n) && n >= 3, (d, n) => (d.trimMinRaters = n)),
  维度达标线: scalar(OPEN_RATIO, 'ratio', openUnit, (d, n) => (d.dimensionPassRate = n)),
  预警线: scalar(OPEN_RATIO, 'ratio', openUnit, (d, n) => (d.alertRatio = n)),
  加分上限: scalar(NUMBER, 'plain', nonNegative, (d, n) => (d.bonusCap = n)),
  会议最低次数: mapRule('党课=4,支委会=12', 'plain', wholeNonNegative, (d) => d.meetingMinimums, (d, m) => (d.meetingMinimums = m)),
  双述双评赋值: mapRule('好=100,较好=80,一般=60,差=40', 'plain', nonNegative, (d) => d.reviewValues, (d, m) => (d.reviewValues = m), { fixed: true }),
  双述双评评议人权重: mapRule(
    '上级=0.4,党员=0.6,群众=0',
    'ratio',
    nonNegative,
    (d) => d.reviewGroupWeights,
    (d, m) => (d.reviewGroupWeights = m),
    { weights: true },
  ),
  党建业务权重: mapRule('党建=0.6,业务=0.4', 'ratio', nonNegative, (d) => d.reviewAspectWeights, (d, m) => (d.reviewAspectWeights = m), {
    fixed: true,
    weights: true,
  }),
  评议等次名称: {
    expected: '好,较好,一般,差',
    apply: (v, d) => {
      const names = typeof v === 'string' ? parseNameList(v, 2) : undefined;
      if (!names) return false;
      d.reviewGradeNames = names;
      return true;
    },
  },
  评议等次分数线: {
    expected: '90,80,60',
    apply: (v, d) => {
      const list = parseDescendingNumbers(cellText(v));
      if (!list) return false;
      d.reviewGradeThresholds = list;
      return true;
    },
  },
  满意度赋值: mapRule('满意=100,基本满意=70,不满意=30', 'plain', nonNegative, (d) => d.satisfactionValues, (d, m) => (d.satisfactionValues = m), {
    fixed: true,
  }),
  满意率封顶线: scalar(RATIO, 'ratio', unit, (d, n) => (d.satisfactionCapLine = n)),
  满意率否决线: scalar(RATIO, 'ratio', unit, (d, n) => (d.satisfactionVetoLine = n)),
  约谈好评率线: scalar(RATIO, 'ratio', unit, (d, n) => (d.interviewGoodRateLine = n)),
  约谈差评率线: scalar(RATIO, 'ratio', unit, (d, n) => (d.interviewBadRateLine = n)),
  民主评议优秀比例上限: scalar(RATIO, 'ratio', unit, (d, n) => (d.appraisalExcellentCap = n)),
  红旗总分线: scalar(NUMBER, 'plain', nonNegative, (d, n) => (d.redFlagScoreLine = n)),
  小数位数: scalar('0–6', 'plain', (n) => Number.isInteger(n) && n >= 0 && n <= 6, (d, n) => (d.decimals = n)),
  评定年度: {
    expected: '2026',
    apply: (v, d) => {
      if (typeof v === 'number') d.year = String(v);
      else if (typeof v === 'string') d.year = v.trim();
      else return false;
      return true;
    },
  },
};

const KEY_BY_NAME: ReadonlyMap<string, SettingKey> = new Map(SETTING_KEYS.map((k) => [normName(k), k] as const));

/** Where a key's value was read, for issues raised after all rows are seen. */
interface Seen {
  readonly row: number;
  readonly keyCol: number;
  readonly valueCol: number;
  readonly value: Scalar;
}

/**
 * Parse 参数 over DEFAULTS. Grade names and their bands must agree (bands = names − 1,
 * descending); when they do not, SETTING_INVALID and both fall back to the defaults together.
 */
export function parseSettings(sheet: RawSheet | undefined, issues: Issue[]): Settings {
  const d: Draft = { ...DEFAULTS };
  if (!sheet) return d;
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return d;
  const keyCol = table.columns.get('key');
  const valueCol = table.columns.get('value');
  if (keyCol === undefined || valueCol === undefined) return d;
  const ctx: ReadContext = { sheet, issues };
  const seen = new Map<SettingKey, Seen>();
  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const keyRead = requiredKey(ctx, readId(ctx, row, keyCol, '参数'), row, keyCol, '参数');
    if (!keyRead.ok) continue;
    const key = KEY_BY_NAME.get(normName(keyRead.value));
    if (key === undefined) {
      issues.push(issue('SETTING_UNKNOWN', ref(ctx, row, keyCol), { key: keyRead.value }));
      continue;
    }
    const first = seen.get(key);
    if (first) {
      issues.push(issue('SETTING_DUPLICATE', ref(ctx, row, keyCol), { key, first: a1({ sheet: sheet.name, row: first.row, col: first.keyCol }) }));
      continue;
    }
    const value = cellAt(sheet, row, valueCol);
    seen.set(key, { row, keyCol, valueCol, value });
    // A key with no value is not set: the default stands.
    if (isBlank(value)) continue;
    if (isCellError(value)) {
      issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, valueCol), { value: value.code, column: '值' }));
      continue;
    }
    const rule = RULES[key];
    if (!rule.apply(value, d)) {
      issues.push(issue('SETTING_INVALID', ref(ctx, row, valueCol), { key, value: cellText(value), expected: rule.expected }));
    }
  }
  checkBands(d, seen, sheet.name, issues, {
    names: '等次名称',
    bands: '等次分数线',
    get: (x) => [x.gradeNames, x.gradeThresholds],
    reset: (x) => {
      x.gradeNames = DEFAULTS.gradeNames;
      x.gradeThresholds = DEFAULTS.gradeThresholds;
    },
  });
  checkBands(d, seen, sheet.name, issues, {
    names: '评议等次名称',
    bands: '评议等次分数线',
    get: (x) => [x.reviewGradeNames, x.reviewGradeThresholds],
    reset: (x) => {
      x.reviewGradeNames = DEFAULTS.reviewGradeNames;
      x.reviewGradeThresholds = DEFAULTS.reviewGradeThresholds;
    },
  });
  return d;
}

/** Names and bands must pair up: n names need n − 1 bands. */
function checkBands(
  d: Draft,
  seen: ReadonlyMap<SettingKey, Seen>,
  sheet: string,
  issues: Issue[],
  pair: {
    readonly names: SettingKey;
    readonly bands: SettingKey;
    readonly get: (d: Draft) => readonly [readonly string[], readonly number[]];
    readonly reset: (d: Draft) => void;
  },
): void {
  const [names, bands] = pair.get(d);
  if (bands.length === names.length - 1) return;
  // Blame the bands when they were written, else the names that changed the count.
  const bandsSeen = seen.get(pair.bands);
  const key = bandsSeen && !isBlank(bandsSeen.value) ? pair.bands : pair.names;
  const blamed = seen.get(key);
  if (blamed) {
    const expected = `${names.length - 1} (90,80,60)`;
    issues.push(issue('SETTING_INVALID', { sheet, row: blamed.row, col: blamed.valueCol }, { key, value: cellText(blamed.value), expected }));
  }
  pair.reset(d);
}

/**
 * Which column is which when a contributed sheet is appended to the master's (product.md
 * "Consolidation"): headers are matched like the parser matches them (workbook.md §1: Chinese name
 * or English alias, half-width, trimmed, any case), per sheet kind, since an alias means different
 * columns in different sheets (`name` is 支部名称 in 台账 and 姓名 in 民主评议).
 *
 * The lists mirror the column specs of engine/parse/* (scores.ts, ledger.ts, vetoes.ts, ballotForms.ts);
 * test/engine/merge/columns.test.ts checks that every contract header and alias maps here.
 */
import { BALLOT_LEVELS } from '../ballots';
import { normName } from '../parse/normalize';
import type { SheetKind } from '../parse/sheets';

/** The sheet kinds whose rows a contributed file brings (支部, 指标 and 参数 are the master's). */
export type DataKind = Exclude<SheetKind, 'branches' | 'rubric' | 'settings'>;

export const DATA_KINDS: readonly DataKind[] = [
  'scores',
  'ledger',
  'vetoes',
  'review',
  'reviewCounts',
  'satisfaction',
  'satisfactionCounts',
  'appraisal',
  'appraisalCounts',
];

/** The column every merged row carries: the name of the file it came from. */
export const SOURCE_HEADER = '来源';
const SOURCE_KEYS: ReadonlySet<string> = new Set([SOURCE_HEADER, 'source'].map(normName));

/** The 支部编号 column, whose value must be a branch of the master. */
export const BRANCH_HEADER = '支部编号';

type Spec = readonly [header: string, ...aliases: string[]];

const BRANCH: Spec = ['支部编号', 'branch'];
const GROUP: Spec = ['评议人类别', 'group', 'rater group'];
const RATER: Spec = ['评议人', 'rater'];
const MEMBER: Spec = ['党员编号', 'member'];
const NAME: Spec = ['姓名', 'name'];
const RATING: Spec = ['评价', 'rating'];

function levels(names: readonly string[], aliases: readonly (readonly string[])[]): Spec[] {
  return names.map((n, i) => [n, ...(aliases[i] ?? [])] as const);
}

/** The contract's columns of each kind, in the contract's order: header first, then its aliases. */
export const KIND_COLUMNS: { readonly [K in DataKind]: readonly Spec[] } = {
  scores: [BRANCH, ['指标编号', 'indicator'], ['评分人', 'rater'], ['评分人类别', 'role'], ['得分', 'score'], ['备注', 'note']],
  ledger: [['支部编号', 'branch', 'id'], ['支部名称', 'name'], ['所属党委', 'unit']],
  vetoes: [['支部编号', 'branch', 'id'], ['事项', 'matter'], ['影响', 'effect'], ['备注', 'note']],
  review: [BRANCH, GROUP, RATER, ['党建', 'party work'], ['业务', 'professional work']],
  reviewCounts: [BRANCH, GROUP, ['方面', 'aspect'], ...levels(BALLOT_LEVELS.review, [['good'], ['fairly good'], ['fair'], ['poor', '较差']])],
  satisfaction: [BRANCH, GROUP, RATER, RATING],
  satisfactionCounts: [
    BRANCH,
    GROUP,
    ...levels(BALLOT_LEVELS.satisfaction, [['satisfied'], ['basically satisfied'], ['dissatisfied'], ['unaware']]),
  ],
  appraisal: [MEMBER, NAME, BRANCH, RATER, RATING],
  appraisalCounts: [
    MEMBER,
    NAME,
    BRANCH,
    ...levels(BALLOT_LEVELS.appraisal, [['excellent'], ['qualified'], ['basically qualified'], ['unqualified']]),
  ],
};

const LOOKUP: ReadonlyMap<DataKind, ReadonlyMap<string, string>> = new Map(
  DATA_KINDS.map((kind) => [kind, new Map(KIND_COLUMNS[kind].flatMap((spec) => spec.map((name) => [normName(name), spec[0]] as const)))] as const),
);

/**
 * The key a header is matched by: the contract header for a known column (`Branch` → 支部编号 in 评分),
 * else the normalised text prefixed so it never equals a contract header (`人均学习学时` → `~人均学习学时`).
 * 来源 is {@link SOURCE_HEADER}; a blank header has no key.
 */
export function columnKey(kind: DataKind, header: string): string | undefined {
  const n = normName(header);
  if (n === '') return undefined;
  if (SOURCE_KEYS.has(n)) return SOURCE_HEADER;
  return LOOKUP.get(kind)?.get(n) ?? `~${n}`;
}

/** True for a key that names one of the contract's columns of the kind (not the user's own column). */
export function isContractKey(key: string): boolean {
  return !key.startsWith('~') && key !== SOURCE_HEADER;
}

/** Position of a contract key in the kind's column order (unknown keys sort last). */
export function contractOrder(kind: DataKind, key: string): number {
  const i = KIND_COLUMNS[kind].findIndex((s) => s[0] === key);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

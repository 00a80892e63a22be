/**
 * The ballot sheets (workbook.md §2.7, §8 Ballots) → Ballots: one Tally per kind, the 民主评议 members,
 * and the 最终等次 the committee typed in the previous 民主评议汇总.
 *
 * Sheets are read in workbook order (it decides which row first names a member). Each kind's long and
 * 计票 sheets are tallied apart and then merged (they are summed, §8); a (target, group, aspect) that
 * both give is BALLOT_FORMS_OVERLAP on the 计票 row's target cell, once per key.
 */
import type { BallotKind, Ballots, Tally } from '../ballots';
import { mergeTallies, tallyBuilder, type TallyBuilder } from '../compute/tally';
import { issue, type Issue } from '../issues';
import type { RawSheet } from '../raw';
import { APPRAISAL_LAYOUT, readCountsForm, readLongForm, REVIEW_LAYOUT, SATISFACTION_LAYOUT, type BallotContext, type BallotLayout, type CountedKey } from './ballotForms';
import type { BranchIds } from './branches';
import { MemberRegistry } from './members';
import { readAppraisalOverrides } from './overrides';
import type { SheetKind } from './sheets';

/** The sheet kinds of each ballot kind: its long form and its 计票 form. */
const FORMS: readonly { readonly layout: BallotLayout; readonly long: SheetKind; readonly counts: SheetKind }[] = [
  { layout: REVIEW_LAYOUT, long: 'review', counts: 'reviewCounts' },
  { layout: SATISFACTION_LAYOUT, long: 'satisfaction', counts: 'satisfactionCounts' },
  { layout: APPRAISAL_LAYOUT, long: 'appraisal', counts: 'appraisalCounts' },
];

/** What parseBallots reads: the workbook's sheets in order, the ones discovery assigned, the previous outputs. */
export interface BallotSources {
  readonly sheets: readonly RawSheet[];
  readonly byKind: ReadonlyMap<SheetKind, RawSheet>;
  /** The previous 民主评议汇总, when the workbook has one (an output: never validated). */
  readonly appraisalSummary: RawSheet | undefined;
}

interface KindState {
  readonly form: (typeof FORMS)[number];
  readonly long: TallyBuilder;
  readonly counts: TallyBuilder;
  countedKeys: CountedKey[];
  present: boolean;
}

/** Read every ballot sheet of a workbook. A kind without any of its sheets has a null tally. */
export function parseBallots(src: BallotSources, branchIds: BranchIds, issues: Issue[]): Ballots {
  const members = new MemberRegistry(issues);
  const bc: BallotContext = { branchIds, members, issues };
  const states = new Map<BallotKind, KindState>();
  const bySheet = new Map<RawSheet, { state: KindState; counts: boolean }>();
  for (const form of FORMS) {
    const state: KindState = { form, long: tallyBuilder(form.layout.kind), counts: tallyBuilder(form.layout.kind), countedKeys: [], present: false };
    states.set(form.layout.kind, state);
    const long = src.byKind.get(form.long);
    const counts = src.byKind.get(form.counts);
    if (long) bySheet.set(long, { state, counts: false });
    if (counts) bySheet.set(counts, { state, counts: true });
  }

  for (const sheet of src.sheets) {
    const entry = bySheet.get(sheet);
    if (!entry) continue;
    const { state } = entry;
    state.present = true;
    if (entry.counts) state.countedKeys = readCountsForm(sheet, state.form.layout, state.counts, bc);
    else readLongForm(sheet, state.form.layout, state.long, bc);
  }

  const tallyOf = (kind: BallotKind): Tally | null => {
    const state = states.get(kind);
    if (!state || !state.present) return null;
    for (const k of state.countedKeys) {
      if (!state.long.has(k.target, k.group, k.aspect)) continue;
      issues.push(issue('BALLOT_FORMS_OVERLAP', k.at, { kind: state.form.layout.label, target: k.target, group: k.group, aspect: k.aspect }));
    }
    return mergeTallies(state.long.build(), state.counts.build());
  };

  return {
    review: tallyOf('review'),
    satisfaction: tallyOf('satisfaction'),
    appraisal: tallyOf('appraisal'),
    members: members.build(),
    appraisalOverrides: src.appraisalSummary ? readAppraisalOverrides(src.appraisalSummary) : new Map(),
  };
}

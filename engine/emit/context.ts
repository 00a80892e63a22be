/**
 * What every sheet emitter receives: the run's input plus what several sheets derive from it, so a
 * new output sheet (the ballot summaries) is one more function over the same context.
 */
import type { BallotResults } from '../ballots';
import type { ConsistencyResult } from '../compute/consistency';
import type { Issue } from '../issues';
import type { Locale, ProseContext } from '../messages';
import type { Model } from '../model';
import type { OutputSheet } from '../output';
import type { RawWorkbook } from '../raw';
import type { BranchResult, Gap } from '../results';
import type { Settings } from '../settings';

export interface EmitInput {
  readonly model: Model;
  readonly results: readonly BranchResult[];
  /** This run's gaps only; the old 问题清单 rows come from `existing`. */
  readonly gaps: readonly Gap[];
  /** Every issue of the run, in the order 数据校验 lists them. */
  readonly issues: readonly Issue[];
  /** The workbook as read: previous output sheets supply the user columns to keep. */
  readonly existing: RawWorkbook;
  readonly locale: Locale;
  /**
   * The ballot tallies compute derived (双述双评, 满意度, 民主评议). Optional so that a caller without
   * ballots may leave it out; a ballot sheet is written only when `model.ballots` has that kind.
   */
  readonly ballots?: BallotResults;
  /** 评分一致性 from compute; the sheet is written only when given and some rater scored a 评分 indicator. */
  readonly consistency?: ConsistencyResult;
}

/** Ballot results of a run without ballots. */
export const NO_BALLOT_RESULTS: BallotResults = {
  review: new Map(),
  satisfaction: new Map(),
  appraisal: [],
  appraisalByBranch: new Map(),
};

export interface EmitContext extends EmitInput {
  readonly ballots: BallotResults;
  readonly settings: Settings;
  readonly prose: ProseContext;
  /** This run's gaps per 支部编号 (问题数). */
  readonly gapCounts: ReadonlyMap<string, number>;
}

/** One output sheet from the context; null when the run has nothing for it (a ballot sheet without ballots). */
export type SheetEmitter = (ctx: EmitContext) => OutputSheet | null;

/** Build the shared context once per run. */
export function emitContext(input: EmitInput): EmitContext {
  const settings = input.model.settings;
  const gapCounts = new Map<string, number>();
  for (const g of input.gaps) gapCounts.set(g.branch, (gapCounts.get(g.branch) ?? 0) + 1);
  return { ...input, ballots: input.ballots ?? NO_BALLOT_RESULTS, settings, prose: { gradeNames: settings.gradeNames, decimals: settings.decimals }, gapCounts };
}

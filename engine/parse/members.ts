/**
 * 民主评议 members (workbook.md §2.7): every counted row names a member by 党员编号 with 姓名 and 支部编号.
 * The first row that names a member wins; a later row that disagrees is a warning, and its ballot still
 * counts for the member (the id is the key, the name and branch are labels).
 */
import type { Member } from '../ballots';
import { issue, type Issue } from '../issues';
import { formatLocation, type CellRef } from '../location';

/** The columns a sheet names its members in: 党员编号, 姓名 (absent: undefined) and 支部编号. */
export interface MemberColumns {
  readonly id: number;
  readonly name: number | undefined;
  readonly branch: number;
}

interface Entry {
  readonly id: string;
  name: string;
  readonly branch: string;
  readonly at: CellRef;
}

/** Collects members in the order rows name them (reading order: sheets in workbook order, then rows). */
export class MemberRegistry {
  private readonly entries = new Map<string, Entry>();
  /** `id␁name␁branch` variants already reported, so 24 ballots repeating one typo make one warning. */
  private readonly reported = new Set<string>();

  constructor(private readonly issues: Issue[]) {}

  /**
   * Record one row's member. A blank 姓名 never conflicts, and the first non-blank 姓名 fills a blank
   * one (a 计票 row without names followed by ballots with them). A different 姓名 or 支部编号 →
   * BALLOT_MEMBER_CONFLICT on the differing cell (姓名 first), once per distinct variant.
   */
  note(id: string, name: string, branch: string, sheet: string, row: number, cols: MemberColumns): void {
    // Cells are built only when needed: this runs once per 民主评议 ballot (~142k rows).
    const e = this.entries.get(id);
    if (!e) {
      this.entries.set(id, { id, name, branch, at: { sheet, row, col: cols.id } });
      return;
    }
    if (e.name === '' && name !== '') e.name = name;
    const nameDiffers = name !== '' && name !== e.name;
    if (!nameDiffers && branch === e.branch) return;
    const variant = `${id}\u0001${name}\u0001${branch}`;
    if (this.reported.has(variant)) return;
    this.reported.add(variant);
    const col = nameDiffers && cols.name !== undefined ? cols.name : cols.branch;
    this.issues.push(issue('BALLOT_MEMBER_CONFLICT', { sheet, row, col }, { id, first: formatLocation(e.at) }));
  }

  /** The members, in first-named order. */
  build(): ReadonlyMap<string, Member> {
    const out = new Map<string, Member>();
    for (const e of this.entries.values()) out.set(e.id, { id: e.id, name: e.name, branch: e.branch, at: e.at });
    return out;
  }
}

/**
 * "Never counted twice" (product.md "Consolidation"): a file that was already merged is refused. Its
 * content is compared as a multiset of row fingerprints, so a copy under another file name, or the
 * rows a previous merge appended under one 来源, are recognised whatever their order.
 *
 * A fingerprint is the row's non-blank cells keyed by column (not by position) with values normalised
 * like the parser reads them; 来源 is left out. Only whole files are compared: two genuinely different
 * ballot files may share rows (ballots without 评议人 are anonymous and alike), so a partial overlap is
 * never refused; for scores it shows as conflicts instead.
 */
import { cellText, normName, toHalfWidth } from '../parse/normalize';
import { raterKey } from '../parse/scoreRules';
import { isBlank } from '../raw';
import { isContractKey, KIND_COLUMNS, SOURCE_HEADER, type DataKind } from './columns';
import type { DataTable, WideForm } from './scan';

/** The columns a fingerprint reads for a kind: the master's columns and every contract column (all when the master lacks the kind). */
export type KeptKeys = (kind: DataKind, key: string) => boolean;

/** Kept keys for a master: its own columns plus the contract's. */
export function keptKeys(masterTables: ReadonlyMap<DataKind, DataTable>): KeptKeys {
  return (kind, key) => {
    if (key === SOURCE_HEADER) return false;
    const m = masterTables.get(kind);
    if (!m || m.headerRow < 0) return true;
    return m.colOf.has(key) || (isContractKey(key) && KIND_COLUMNS[kind].some((s) => s[0] === key));
  };
}

function value(v: Parameters<typeof cellText>[0]): string {
  return toHalfWidth(cellText(v)).trim();
}

/** Fingerprint of a data row. */
export function rowFingerprint(table: DataTable, row: number, kept: KeptKeys): string {
  const cells = table.sheet.cells[row] ?? [];
  const parts: string[] = [];
  for (const [key, col] of table.colOf) {
    if (!kept(table.kind, key)) continue;
    const v = cells[col];
    if (!isBlank(v)) parts.push(`${key}=${value(v)}`);
  }
  return `${table.kind}\u0002${parts.sort().join('\u0001')}`;
}

/** Fingerprint of a wide-form row: its rater and its cells keyed by header text. */
export function wideFingerprint(form: WideForm, row: number): string {
  const header = form.sheet.cells[form.headerRow] ?? [];
  const cells = form.sheet.cells[row] ?? [];
  const parts: string[] = [];
  header.forEach((h, col) => {
    const v = cells[col];
    if (isBlank(h) || isBlank(v)) return;
    parts.push(`${normName(cellText(h))}=${value(v)}`);
  });
  return `wide\u0002${raterKey(form.rater)}\u0002${parts.sort().join('\u0001')}`;
}

/** One string for a multiset of fingerprints: equal exactly when the multisets are. */
export function digest(fingerprints: readonly string[]): string {
  return [...fingerprints].sort().join('\n');
}

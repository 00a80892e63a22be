/**
 * 最终等次 from the previous 民主评议汇总 (workbook.md §5.4: the committee's override, a user column kept
 * across runs). That sheet is an output of the last run, not an input: it is read leniently and never
 * raises an issue; anything that is not a usable override is simply not one.
 */
import { cellAt, isBlank, isCellError, type RawSheet } from '../raw';
import { levelOf } from './ballotCells';
import { cellText, normId, normName } from './normalize';
import { firstNonEmptyRow } from './table';

const ID_HEADER = normName('党员编号');
const FINAL_HEADER = normName('最终等次');

/**
 * 党员编号 → index into BALLOT_LEVELS.appraisal, for every row whose 最终等次 is a valid appraisal level
 * (synonyms A–D included). The header row is the first non-empty row; the first usable row of an id wins.
 * 党员编号 `００１ ` and `001` are one member.
 */
export function readAppraisalOverrides(sheet: RawSheet): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  const headerRow = firstNonEmptyRow(sheet);
  if (headerRow < 0) return out;
  let idCol = -1;
  let finalCol = -1;
  const header = sheet.cells[headerRow] ?? [];
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (isBlank(v) || isCellError(v)) continue;
    const h = normName(cellText(v));
    if (h === ID_HEADER && idCol < 0) idCol = c;
    else if (h === FINAL_HEADER && finalCol < 0) finalCol = c;
  }
  if (idCol < 0 || finalCol < 0) return out;
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const idCell = cellAt(sheet, r, idCol);
    const finalCell = cellAt(sheet, r, finalCol);
    if (isBlank(idCell) || isCellError(idCell) || isBlank(finalCell) || isCellError(finalCell)) continue;
    const id = normId(idCell);
    if (out.has(id)) continue;
    const level = levelOf('appraisal', cellText(finalCell));
    if (level !== undefined) out.set(id, level);
  }
  return out;
}

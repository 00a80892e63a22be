/**
 * What the web page shows instead of Excel's grid when the task pane selects a cell (an issue clicked):
 * `已选中 评分!E5` and a read-only window of the rows around it, the selected cell highlighted.
 */
import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { columnLetters } from '../../engine/location';
import type { Scalar } from '../../engine/raw';
import type { SheetPreview, WebSelection } from './memory-host';
import type { WebMessages } from './messages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
  },
  cell: {
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '16em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  /** The selected cell's row (or, for a column issue, its column). */
  targetRow: { backgroundColor: tokens.colorBrandBackground2 },
  target: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  number: { textAlign: 'right' },
});

/** A cell's value as the grid shows it: dates as yyyy-mm-dd, errors as their code, long decimals cut to 6 places. */
export function displayScalar(v: Scalar): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.code;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** `评分!E5` for a cell, `评分!5:5` for a row, `评分!E:E` for a column, null for the whole sheet. */
export function selectionAddress(s: WebSelection): string | null {
  if (s.row !== undefined && s.col !== undefined) return `${s.sheet}!${columnLetters(s.col)}${s.row + 1}`;
  if (s.row !== undefined) return `${s.sheet}!${s.row + 1}:${s.row + 1}`;
  if (s.col !== undefined) return `${s.sheet}!${columnLetters(s.col)}:${columnLetters(s.col)}`;
  return null;
}

export interface SelectionPreviewProps {
  readonly selection: WebSelection | null;
  readonly preview: SheetPreview | null;
  readonly messages: WebMessages;
}

/** The selection line and the grid around it. */
export function SelectionPreview({ selection, preview, messages }: SelectionPreviewProps): ReactElement {
  const styles = useStyles();
  if (selection === null) {
    return (
      <section className={styles.root} aria-label={messages.previewTitle} data-testid="selection-preview">
        <Subtitle2>{messages.previewTitle}</Subtitle2>
        <Caption1>{messages.previewEmpty}</Caption1>
      </section>
    );
  }
  const address = selectionAddress(selection);
  const title = !selection.exists ? messages.missingSheet(selection.sheet) : address !== null ? messages.selected(address) : messages.selectedSheet(selection.sheet);
  return (
    <section className={styles.root} aria-label={messages.previewTitle} data-testid="selection-preview">
      <Subtitle2 role="status" data-testid="selection-address">
        {title}
      </Subtitle2>
      {preview !== null && <PreviewGrid preview={preview} selection={selection} />}
    </section>
  );
}

function PreviewGrid({ preview, selection }: { preview: SheetPreview; selection: WebSelection }): ReactElement {
  const styles = useStyles();
  const width = preview.cells[0]?.length ?? 0;
  const cols = Array.from({ length: width }, (_, i) => preview.firstCol + i);
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="preview-grid">
        <thead>
          <tr>
            <th className={styles.head} />
            {cols.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.cells.map((row, i) => {
            const r = preview.firstRow + i;
            const isTargetRow = r === selection.row;
            return (
              <tr key={r} className={isTargetRow ? styles.targetRow : undefined}>
                <th className={styles.head} scope="row">
                  {r + 1}
                </th>
                {row.map((v, j) => {
                  const c = preview.firstCol + j;
                  const isTarget = isTargetRow && c === selection.col;
                  const inTargetColumn = selection.row === undefined && c === selection.col;
                  const classes = mergeClasses(styles.cell, typeof v === 'number' && styles.number, inTargetColumn && styles.targetRow, isTarget && styles.target);
                  const text = displayScalar(v);
                  return (
                    <td
                      key={c}
                      className={classes}
                      title={text}
                      aria-selected={isTarget || undefined}
                      {...(isTarget ? { 'data-testid': 'preview-target', 'data-address': `${columnLetters(c)}${r + 1}` } : {})}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

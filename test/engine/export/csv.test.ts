import { describe, expect, it } from 'vitest';
import { CSV_BOM, neutralise, toCsv } from '../../../engine/export/index';
import type { OutputSheet, OutputValue } from '../../../engine/output';

function sheet(rows: readonly (readonly OutputValue[])[], columns: OutputSheet['columns'] = [{ header: '支部名称' }, { header: '值' }]): OutputSheet {
  return { name: '公示名单', tableName: 'T', columns, rows, freezeColumns: 0, highlights: [], preamble: [['标题']] };
}

/** RFC 4180 reader (CRLF records, quoted fields with doubled quotes), for round trips. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const body = text.slice(1);
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"' && body.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body.charAt(i + 1) === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  expect(field).toBe(''); // the text ends with CRLF
  return records;
}

/** What a spreadsheet evaluates: a field (after unquoting) starting with = + - @, or a tab/CR before one. */
function live(field: string): boolean {
  return /^[=+\-@\t\r]/.test(field);
}

const ATTACKS = ["=cmd|' /C calc'!A0", '+1+1', '-2', '@SUM(1)', '\t=1', '\r=1', '=HYPERLINK("http://x","点我")', '-2+3', '=1,2'];

describe('toCsv', () => {
  it('starts with a BOM and ends every record, the last one too, with CRLF', () => {
    const text = toCsv(sheet([['一支部', 1]]));
    expect(text).toBe('\uFEFF支部名称,值\r\n一支部,1\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('holds the header and the rows, not the title rows', () => {
    expect(parseCsv(toCsv(sheet([['一支部', 1]])))).toEqual([['支部名称', '值'], ['一支部', '1']]);
  });

  it.each(ATTACKS)('neutralises the text %j: a leading single quote, the rest kept', (attack) => {
    const records = parseCsv(toCsv(sheet([[attack, null]])));
    const field = records[1]?.[0] ?? '';
    expect(field).toBe(`'${attack}`);
    expect(live(field)).toBe(false);
  });

  it('writes the exact fields for the issue\'s cases', () => {
    const text = toCsv(sheet([["=cmd|' /C calc'!A0"], ['+1+1'], ['-2'], ['@SUM(1)'], ['\t=1']], [{ header: 'x' }]));
    expect(text).toBe("\uFEFFx\r\n'=cmd|' /C calc'!A0\r\n'+1+1\r\n'-2\r\n'@SUM(1)\r\n'\t=1\r\n");
  });

  it('leaves real numbers alone: the number -2 is data, the text "-2" is neutralised', () => {
    const records = parseCsv(toCsv(sheet([['x', -2], ['y', '-2'], ['z', -0.5], ['w', -0]])));
    expect(records.slice(1).map((r) => r[1])).toEqual(['-2', "'-2", '-0.5', '0']);
  });

  it('neutralises a header too, and leaves safe text alone', () => {
    expect(neutralise('=x')).toBe("'=x");
    expect(neutralise('好')).toBe('好');
    expect(neutralise('')).toBe('');
    expect(neutralise('a=1')).toBe('a=1');
    expect(parseCsv(toCsv(sheet([], [{ header: '=A1' }])))).toEqual([["'=A1"]]);
  });

  it('quotes by RFC 4180: commas, quotes, CR and LF', () => {
    const values = ['a,b', 'say "好"', '第一行\n第二行', 'x\r\ny', "it's"];
    const text = toCsv(sheet(values.map((v) => [v, null])));
    expect(text).toContain('"a,b"');
    expect(text).toContain('"say ""好"""');
    expect(text).toContain("\r\nit's,\r\n");
    expect(parseCsv(text).slice(1).map((r) => r[0])).toEqual(values);
  });

  it('round-trips Chinese text through UTF-8 bytes', () => {
    const rows = [['计算机学院教工第一党支部', '较好'], ['𠀀生僻字支部', '好'], ['（全角括号）：、。', '一般']];
    const bytes = new TextEncoder().encode(toCsv(sheet(rows)));
    const back = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(parseCsv(back).slice(1)).toEqual(rows);
  });

  it('shows numbers as their column formats do, and per-cell formats over them', () => {
    const s: OutputSheet = {
      ...sheet(
        [
          [87.5, 0.8533, 3, 0.5],
          [90, 1, 12, 2],
        ],
        [{ header: '总分', format: '0.00' }, { header: '满意率', format: '0.00%' }, { header: '排名', format: '0' }, { header: '差距' }],
      ),
      cellFormats: [{ row: 0, column: '差距', format: '0%' }],
    };
    expect(parseCsv(toCsv(s)).slice(1)).toEqual([
      ['87.50', '85.33%', '3', '50%'],
      ['90.00', '100.00%', '12', '2'],
    ]);
  });

  it('writes blanks, booleans and dates plainly, and pads short rows', () => {
    const s = sheet([[null, true], [new Date(Date.UTC(2026, 10, 21))], [Number.NaN, false]]);
    expect(parseCsv(toCsv(s)).slice(1)).toEqual([['', 'TRUE'], ['2026-11-21', ''], ['', 'FALSE']]);
  });
});

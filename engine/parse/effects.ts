/**
 * Grade effects (workbook.md §2.6, §8 Grades): `定为X` forces grade X, `最高X` caps at X. The text
 * is read from its start; anything after X is a note (`定为较差（党建述职不合格）`).
 */
import type { Effect } from '../model';
import { normName } from './normalize';

const PREFIXES: readonly (readonly [string, Effect['kind']])[] = [
  ['定为', 'force'],
  ['最高', 'cap'],
];
// Between the verb and the grade people sometimes type a space or a colon (`定为：较差`).
const FILLER = /^[\s:]*/;

/**
 * Read an effect against the grade names (best first). `最高一般` → {cap, 2} with the default
 * names; the longest matching name wins, so a name that is a prefix of another cannot shadow it.
 * Undefined when the text does not start with 定为/最高 followed by a grade name.
 */
export function parseEffect(text: string, gradeNames: readonly string[]): Effect | undefined {
  const t = normName(text);
  for (const [prefix, kind] of PREFIXES) {
    if (!t.startsWith(prefix)) continue;
    const rest = t.slice(prefix.length).replace(FILLER, '');
    let best = -1;
    let bestLength = 0;
    gradeNames.forEach((name, i) => {
      const n = normName(name);
      if (n.length > bestLength && rest.startsWith(n)) {
        best = i;
        bestLength = n.length;
      }
    });
    return best < 0 ? undefined : { kind, grade: best };
  }
  return undefined;
}

/** 软弱涣散 mentioned anywhere in the text (§8 Grades: flags 软弱涣散排查). */
export function mentionsWeak(text: string): boolean {
  return text.includes('软弱涣散');
}

/**
 * The headline of issue #5: the sample workbook split into a master and 10 evaluator files merges back
 * into exactly the single workbook's results, in any order.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan, mergeWorkbooks } from '../../../engine/merge';
import { grade, gradingDigest, sheetNamed, splitSample } from './helpers';

describe('10 evaluator files of the sample', () => {
  const { single, master, evaluators } = splitSample(60);
  const expected = gradingDigest(grade(single));

  it('merge into exactly the results of the single sample workbook', () => {
    const result = mergeWorkbooks(master, evaluators);
    expect(result.files.map((f) => [f.name, f.status])).toEqual(evaluators.map((e) => [e.name, 'merged']));
    expect(result.conflicts).toEqual([]);
    expect(result.issues).toEqual([]);
    const merged = applyPlan(master, result.plan);
    expect(gradingDigest(grade(merged))).toEqual(expected);
  });

  it('keep the rater of a renamed form through a 评分人 label', () => {
    const result = mergeWorkbooks(master, evaluators);
    const forms = result.plan.add.filter((s) => s.name.startsWith('评分-'));
    const renamed = forms.find((s) => s.name.endsWith(' (2)'));
    expect(renamed).toBeDefined();
    const original = forms.find((s) => renamed !== undefined && s.name === renamed.name.slice(0, -4));
    expect(original?.preamble).toContainEqual(['来源', '评委5.xlsx']);
    expect(renamed?.preamble).toContainEqual(['评分人', renamed?.name.slice(3, -4)]);
    expect(renamed?.preamble).toContainEqual(['来源', '评委6.xlsx']);
  });

  it('give the same results in reverse order (row order aside)', () => {
    const result = mergeWorkbooks(master, [...evaluators].reverse());
    const merged = applyPlan(master, result.plan);
    expect(gradingDigest(grade(merged), true)).toEqual(gradingDigest(grade(single), true));
    // The master's 评分 gets 来源; its own rows keep a blank one.
    const scores = sheetNamed(merged, '评分');
    expect(scores.cells[0]).toContain('来源');
  });
});

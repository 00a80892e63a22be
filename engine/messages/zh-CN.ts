/**
 * 简体中文: the language every user sees by default. Each message says what is wrong, with the
 * value as typed, and what to do about it; the cell is shown beside it (数据校验's 单元格 column,
 * or `评分!D7：` in the command line).
 */
import type { Effect } from '../model';
import { badRate, hasDiff, num, pct, points, range, share } from './helpers';
import type { Fmt, IssueCatalog, LocaleCatalog, ProseCatalog } from './types';

const issues: IssueCatalog = {
  SHEET_MISSING: (p) =>
    `缺少此工作表，无法${{ grading: '评定任何支部', scoring: '计算指标得分', ledger: `计算台账指标 ${p.indicators}` }[p.purpose]}；请按模板添加该工作表`,
  SHEET_EMPTY: () => '工作表为空（找不到表头行），请在第一行填写列标题',
  SHEET_DUPLICATE: (p) => `与工作表“${p.other}”名称重复（忽略空格、大小写和全半角），只读取排在前面的一个；请删除或重命名多余的工作表`,
  COLUMN_MISSING: (p) => `缺少必需的列“${p.column}”，请在表头行添加`,
  COLUMN_DUPLICATE: (p) => `列“${p.column}”出现了两次，只读取第一列；请删除或重命名重复的列`,
  CELL_ERROR_VALUE: (p) => `单元格是错误值 ${p.value}（列“${p.column}”），该值不计；请修正公式或改填有效数据`,
  NUMBER_INVALID: (p) => `“${p.value}”不是数字（列“${p.column}”），请填写数字`,
  INTEGER_INVALID: (p) => `“${p.value}”不是非负整数（列“${p.column}”），请填写 0 或正整数`,
  NUMBER_OUT_OF_RANGE: (p) => `${p.value} 超出范围 ${range(p.min, p.max)}（列“${p.column}”），请填写范围内的数`,
  VALUE_NOT_ALLOWED: (p) => `“${p.value}”不是允许的值（列“${p.column}”），请从以下选择：${p.allowed}`,
  REQUIRED_MISSING: (p) => `必填项“${p.column}”为空，请填写`,
  KEY_MISSING: (p) => `该行有数据但“${p.column}”为空，该行不计；请填写${p.column}或删除该行`,
  BRANCH_ID_DUPLICATE: (p) => `支部编号“${p.id}”重复（首次出现在 ${p.first}），本行不计；请改正编号或删除重复行`,
  INDICATOR_ID_DUPLICATE: (p) => `指标编号“${p.id}”重复（首次出现在 ${p.first}），本行不计；请改正编号或删除重复行`,
  BRANCH_UNKNOWN: (p) => `支部编号“${p.id}”不在“支部”表中，本行不计；请核对编号，或在“支部”表中添加该支部`,
  INDICATOR_UNKNOWN: (p) => `指标编号“${p.id}”不在“指标”表中，本行不计；请核对编号`,
  INDICATOR_NOT_RATED: (p) => `指标 ${p.id} 的计分方式为“${p.method}”，不由评分人打分，本分数不计；请删除该分数或修改计分方式`,
  RUBRIC_EMPTY: () => '“指标”表中没有计分方式为“评分”或“台账”的指标，无法计算得分；请添加指标',
  FORMULA_MISSING: (p) => `指标 ${p.id} 的计分方式为“台账”，但台账公式为空；请填写台账公式`,
  FORMULA_SYNTAX: (p) => `指标 ${p.id} 的台账公式“${p.formula}”无法解析（${p.detail}）；请检查括号、运算符和逗号`,
  FORMULA_FORBIDDEN: (p) =>
    `指标 ${p.id} 的台账公式“${p.formula}”含有不允许的内容（${p.detail}）；只能使用四则运算、比较、条件 a ? b : c 和 min、max、abs、floor、ceil、round、tier`,
  FORMULA_UNKNOWN_NAME: (p) => `指标 ${p.id} 的台账公式“${p.formula}”用到了未知名称“${p.name}”；请核对“台账”表的列名`,
  FORMULA_RESULT_INVALID: (p) => `指标 ${p.id} 的台账公式对支部 ${p.branch} 算不出有效数值（${p.detail}）；请检查该支部的台账数据，例如除数为 0`,
  SCORE_OUT_OF_RANGE: (p) => `得分 ${p.value} 超出范围 0–${p.max}（指标 ${p.indicator}），本分数不计；请改为 0 到 ${p.max} 之间的分数`,
  ROLE_UNKNOWN: (p) => `评分人类别“${p.role}”没有设置权重（已设置：${p.known}），本分数不计；请改为已设置的类别，或在参数“评分人类别权重”中添加`,
  SCORE_DUPLICATE_SAME: (p) => `评分人 ${p.rater} 对支部 ${p.branch} 的指标 ${p.indicator} 重复评分（另见 ${p.other}），分数相同，只计一次；请删除重复的分数`,
  SCORE_DUPLICATE_CONFLICT: (p) =>
    `评分人 ${p.rater} 对支部 ${p.branch} 的指标 ${p.indicator} 评了两个不同的分数（此处 ${p.value}，${p.other} 为 ${p.otherValue}），两个都不计；请只保留正确的一个`,
  ROLE_MISSING: (p) => `支部 ${p.branch} 有 ${p.count} 个指标没有“${p.role}”的评分，已按其余评分人类别重新分配权重`,
  WIDE_HEADER_MISSING: () => '评分表中找不到含“支部编号”的表头行，无法读取；请在表头行添加“支部编号”列',
  WIDE_COLUMN_UNKNOWN: (p) => `列标题“${p.header}”像是指标编号，但“指标”表中没有该指标，此列不计；请核对编号`,
  BRANCH_UNRATED: (p) => `支部 ${p.branch} 未评定：缺少 ${p.count} 项数据（${p.missing}）；请补齐后重新计算`,
  LEDGER_ROW_DUPLICATE: (p) => `台账中支部编号“${p.id}”重复（首次出现在 ${p.first}），本行不计；请合并或删除重复行`,
  LEDGER_ROW_MISSING: (p) => `台账中没有支部 ${p.branch} 的行：其台账指标无法计算，会议次数也不检查；请添加该支部的台账行`,
  EFFECT_INVALID: (p) => `影响“${p.value}”无法识别，本行不计；请写成“定为<等次>”或“最高<等次>”，等次可选：${p.grades}`,
  SETTING_UNKNOWN: (p) => `参数“${p.key}”无法识别，已忽略；请核对参数名称`,
  SETTING_INVALID: (p) => `参数“${p.key}”的值“${p.value}”无效，应为${p.expected}；本次使用默认值`,
  SETTING_DUPLICATE: (p) => `参数“${p.key}”重复（首次出现在 ${p.first}），以第一次为准；请删除重复行`,
  BALLOT_LEVEL_INVALID: (p) => `“${p.value}”不是有效的评价等次（列“${p.column}”），此票该项按废票计；请填写规定的等次或 A/B/C/D`,
  BALLOT_RATER_DUPLICATE: (p) => `同一评议人对 ${p.target} 重复投票（首次见 ${p.first}），后一票不计入；请核对选票`,
  BALLOT_COUNT_INVALID: (p) => `票数“${p.value}”不是非负整数（列“${p.column}”），该数不计入；请填写 0 或正整数`,
  BALLOT_FORMS_OVERLAP: (p) => `${p.kind}：${p.target} 的“${p.group || '全部'}${p.aspect ? '/' + p.aspect : ''}”同时出现在逐票表和计票表中，两者已相加；请确认没有重复录入`,
  BALLOT_MEMBER_CONFLICT: (p) => `党员编号 ${p.id} 的姓名或所属支部与 ${p.first} 不一致，按首次出现的为准；请核对`,
  BALLOT_TURNOUT_LOW: (p) => `支部 ${p.branch} 党员参评 ${p.ballots} 票，不足党员人数 ${p.members} 的一半，本轮测评可能无效`,
  QUOTA_TIE: (p) =>
    `比例控制（${p.scope}）的分界处总分相同（${p.score}）：${p.kept} 保留“${p.grade}”，${p.dropped} 降一档；请党委研究确定`,
};

function effect(e: Effect, f: Fmt): string {
  return `${e.kind === 'force' ? '定为' : '最高'}${f.grade(e.grade)}`;
}

function scopeText(scope: string): string {
  return scope === 'all' || scope === '全部' ? '全部支部' : scope;
}

/** `（指标名称）` when compute gave extra words. */
function detail(text: string): string {
  return text === '' ? '' : `（${text}）`;
}

const prose: ProseCatalog = {
  reason: {
    veto: (r, f) => `否决事项“${r.matter}”：${effect(r.effect, f)}`,
    direct: (r, f) => `直接定级“${r.matter}”：定为${f.grade(r.grade)}`,
    rubricVeto: (r, f) => `指标 ${r.indicator} 得分 ${f.num(r.score)}，低于预警线 ${f.num(r.threshold)}：${effect(r.effect, f)}`,
    satisfactionCap: (r, f) => `满意率 ${f.pct(r.rate)} 低于封顶线 ${f.pct(r.line)}：最高${f.grade(r.grade)}`,
    satisfactionVeto: (r, f) => `满意率 ${f.pct(r.rate)} 低于否决线 ${f.pct(r.line)}：定为${f.grade(r.grade)}`,
    quota: (r, f) =>
      `“${f.grade(r.from)}”比例控制（${scopeText(r.scope)}，${r.n} 个已评定支部中最多 ${r.kept} 个）：排第 ${r.position} 位，由${f.grade(r.from)}调为${f.grade(r.to)}`,
  },
  redFlag: {
    notAllStrong: (r) => `未达强：${r.weak.join('、')}`,
    score: (r, f) => `总分 ${f.num(r.total)} 低于 ${f.num(r.line)}`,
    grade: (r, f) => `等次为${f.grade(r.grade)}，不是${f.grade(0)}`,
    veto: () => '有否决事项',
    satisfaction: (r, f) => `满意率 ${f.pct(r.rate)} 低于 ${f.pct(r.line)}`,
    previous: (r, f) => `上年等次为${f.grade(r.grade)}`,
    unrated: () => '未评定',
  },
  missing: {
    unscored: (m, f) => (m.cells.length === 0 ? `指标 ${m.indicator} 无人评分` : `指标 ${m.indicator} 无人评分（${m.cells.map((c) => f.loc(c)).join('、')}）`),
    ledgerBlank: (m, f) => `${f.loc(m.cell)} 为空（指标 ${m.indicator}）`,
    ledgerRow: (m) => `台账中没有本支部的行（指标 ${m.indicator}）`,
    ledgerSheet: (m) => `缺少“台账”工作表（指标 ${m.indicator}）`,
    measure: (m) => `没有${m.name}测评数据（指标 ${m.indicator}）`,
    formula: (m) => `指标 ${m.indicator} 的台账公式有误`,
    branchField: (m) => `“支部”表中本支部的${m.name}为空（指标 ${m.indicator}）`,
    rubric: () => '没有可用的“指标”表或计分指标',
  },
  unrated: (shown, count) =>
    count === 0 ? '未评定' : `未评定，缺少 ${count} 项：${shown.join('；')}${count > shown.length ? `；等共 ${count} 项` : ''}`,
  gap: {
    指标低于预警线: (g, f) => `指标 ${g.item}${g.detail === '' ? ' ' : detail(g.detail)}得分 ${num(g.actual, f)}，低于预警线 ${num(g.standard, f)} 分，差 ${num(g.diff, f)} 分`,
    维度未达强: (g, f) => `“${g.item}”得分 ${num(g.actual, f)}，未达强线 ${num(g.standard, f)} 分，差 ${num(g.diff, f)} 分`,
    会议次数不足: (g, f) => `“${g.item}”开展 ${num(g.actual, f)} 次，少于最低 ${num(g.standard, f)} 次，差 ${num(g.diff, f)} 次`,
    否决事项: (g) => `否决事项：${g.item}${detail(g.detail)}`,
    满意率偏低: (g, f) => `满意率 ${pct(g.actual, f)}，低于封顶线 ${pct(g.standard, f)}${hasDiff(g.diff, f) ? `，差 ${points(g.diff, f)} 个百分点` : ''}`,
    书记评议预警: (g, f) =>
      badRate(g.actual, g.standard)
        ? `书记双述双评差评率 ${pct(g.actual, f)}，达到约谈线 ${pct(g.standard, f)}${hasDiff(g.diff, f) ? `，超出 ${points(g.diff, f)} 个百分点` : ''}，应约谈提醒`
        : `书记双述双评好评率 ${pct(g.actual, f)}，低于约谈线 ${pct(g.standard, f)}${hasDiff(g.diff, f) ? `，差 ${points(g.diff, f)} 个百分点` : ''}，应约谈提醒`,
    连续较差: (_g, f) => `上年与本年等次均为${f.lowestGrade}，应列入整顿`,
    民主评议优秀超比例: (g, f) =>
      `民主评议优秀比例 ${pct(g.actual, f)}${detail(g.detail)}，超过上限 ${share(g.standard, f)}${hasDiff(g.diff, f) ? `，超出 ${points(g.diff, f)} 个百分点` : ''}`,
  },
  appraisalWarning: {
    fail: () => '不合格票超过三分之一',
    excellent: (cap, f) => `本支部优秀比例超过${f.share(cap)}`,
    notAppraised: () => '本次无评议票',
  },
  concordance: {
    strong: '一致性较强（W ≥ 0.7）',
    moderate: '一致性一般（0.3 ≤ W < 0.7）',
    weak: '一致性较弱（W < 0.3），请复核评分标准的理解是否一致',
    raters: '评分人不足 2 人，无法计算',
    branches: '没有 2 名以上评分人都完整评分（全部评分指标）的 2 个以上支部，无法计算',
    ties: '各评分人给每个支部的总分都相同，无法计算',
  },
  concordanceExcluded: (n) => `另有 ${n} 名评分人未完整评分这些支部，未计入`,
  separator: '；',
  unitChartTitle: '各单位等次分布',
};

export const zhCN: LocaleCatalog = { issues, prose };

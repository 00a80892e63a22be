// @vitest-environment jsdom
import './setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../addin/host';
import { App } from '../../../addin/taskpane/App';
import { runWorkbook } from '../../../engine';
import { describeLocation, renderIssue } from '../../../engine/messages';
import { checkWorkbook } from '../../../engine';
import { sampleWorkbook, templateSheets } from '../../../engine/template';
import { deferred, fakeHost } from './fakeHost';
import { basicWorkbook, workbookWithBadScore } from './workbooks';

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('idle', () => {
  it('shows the seven steps in product order, the 准备 step first, in Chinese, with nothing running', () => {
    const { container } = render(<App host={fakeHost()} />);
    const tabs = screen.getAllByRole('tab');
    expect(['准备', '评分', '导入', '检查', '计算', '结果', '导出'].map((name) => tabs.indexOf(screen.getByRole('tab', { name })))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(screen.getByRole('tab', { name: '准备' }).getAttribute('aria-selected')).toBe('true');
    expect(button('创建缺少的工作表')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.querySelector('[lang="zh-CN"]')).not.toBeNull();
  });

  it('says there are no results before a computation', () => {
    render(<App host={fakeHost()} />);
    tab('结果');
    expect(screen.getByText('尚无结果。请先在“计算”中运行计算。')).toBeInstanceOf(HTMLElement);
  });
});

describe('working', () => {
  it('shows the phase and a progress bar while the workbook is read, then the issues', async () => {
    const gate = deferred();
    const host = fakeHost(workbookWithBadScore(), { gate: gate.promise });
    render(<App host={host} />);
    tab('检查');
    fireEvent.click(button('开始检查'));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('正在读取工作簿…')).toBeInstanceOf(HTMLElement);
    const bar = within(status).getByRole('progressbar', { name: '正在读取工作簿…' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    // One step at a time: the button waits for the running one.
    expect((button('开始检查') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => gate.resolve());
    await screen.findByText(/^共 \d+ 个错误，\d+ 个警告$/);
    expect(screen.queryByRole('status')).toBeNull();
    expect((button('开始检查') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('done', () => {
  it('shows the grade counts the engine computes for 30 branches, and what was written', async () => {
    const raw = sampleWorkbook({ branches: 30 });
    const report = runWorkbook(raw);
    const host = fakeHost(raw);
    render(<App host={host} />);
    tab('计算');
    fireEvent.click(button('开始计算'));
    await screen.findByText(`已写入：${report.outputs.map((s) => s.name).join('、')}`);
    fireEvent.click(button('查看结果'));

    const names = report.model.settings.gradeNames;
    const counts = report.summary.gradeCounts;
    const expected = `等次分布：${[...names, '未评定'].map((n, i) => `${n} ${counts[i]}`).join('，')}`;
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(expected);

    const table = screen.getByRole('table', { name: '统计' });
    const row = (label: string) => within(table).getByRole('row', { name: new RegExp(`^${label}`) }).textContent;
    expect(row('六强达标')).toBe(`六强达标${report.summary.allStrong}`);
    expect(row('红旗候选')).toBe(`红旗候选${report.summary.redFlag}`);
    expect(row('未评定')).toBe(`未评定${report.summary.unrated}`);
    expect(row('问题数')).toBe(`问题数${report.summary.gaps}`);

    const redFlags = report.results.filter((r) => r.redFlag);
    if (redFlags.length > 0) expect(within(screen.getByRole('table', { name: '红旗候选支部' })).getAllByRole('row')).toHaveLength(redFlags.length + 1);
    const moved = report.results.filter((r) => r.grade !== null && r.baseGrade !== null && r.grade !== r.baseGrade);
    if (moved.length > 0) expect(within(screen.getByRole('table', { name: '等次调整的支部' })).getAllByRole('row')).toHaveLength(moved.length + 1);
    else expect(screen.getByText('没有支部的等次被调整。')).toBeInstanceOf(HTMLElement);
  });

  it('explains the branch picked: its dimensions against 达标线, and the quota', async () => {
    const raw = sampleWorkbook({ branches: 30 });
    const report = runWorkbook(raw);
    render(<App host={fakeHost(raw)} />);
    tab('计算');
    fireEvent.click(button('开始计算'));
    await screen.findByRole('button', { name: '查看结果' });
    tab('结果');
    const graded = report.results.filter((r) => r.grade !== null);
    const pick = graded[graded.length - 1]!;
    fireEvent.change(screen.getByRole('combobox', { name: '选择支部' }), { target: { value: pick.branch.id } });
    const section = screen.getByRole('region', { name: '等次依据' });
    const dims = within(section).getAllByRole('row').slice(1);
    expect(dims.map((r) => r.firstChild?.textContent)).toEqual(pick.dimensions.map((d) => d.name));
    expect(within(section).getByText(/^最高等次比例上限 30%（全部支部）$/)).toBeInstanceOf(HTMLElement);
  });
});

describe('failed', () => {
  it('shows the Chinese message and the details when Excel is busy', async () => {
    const host = fakeHost(basicWorkbook(), { fail: { read: new HostError('busy', 'InvalidOperationInCellEditMode') } });
    render(<App host={host} />);
    tab('计算');
    fireEvent.click(button('开始计算'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('计算失败。Excel 正忙（可能有单元格正在编辑）。请按 Enter 或 Esc 结束编辑，然后重试。');
    expect(alert.textContent).toContain('InvalidOperationInCellEditMode');
    fireEvent.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('issues', () => {
  it('groups issues by sheet with counts, and clicking one selects its cell', async () => {
    const raw = workbookWithBadScore();
    const host = fakeHost(raw);
    render(<App host={host} />);
    tab('检查');
    fireEvent.click(button('开始检查'));
    const issue = checkWorkbook(raw).find((i) => i.code === 'SCORE_OUT_OF_RANGE');
    if (!issue || !('row' in issue.at) || !('col' in issue.at)) throw new Error('no cell issue');
    const { row, col } = issue.at;
    const region = await screen.findByRole('region', { name: '评分-张三' });
    expect(within(region).getByRole('heading').textContent).toMatch(/^评分-张三 错误 1 · 警告 \d+$/);
    const target = within(region).getByRole('button', { name: `定位到 ${describeLocation(issue.at)}：${renderIssue(issue, 'zh-CN')}` });
    expect(target.textContent).toBe('C4');
    fireEvent.click(target);
    await waitFor(() => expect(host.select).toHaveBeenCalledWith('评分-张三', row, col));
  });
});

describe('prepare and forms', () => {
  it('creates the missing sheets and names those that were there', async () => {
    const host = fakeHost(basicWorkbook());
    render(<App host={host} />);
    fireEvent.click(button('创建缺少的工作表'));
    const added = templateSheets().map((s) => s.name).filter((n) => !['支部', '指标', '参数'].includes(n));
    await screen.findByText(`已创建：${added.join('、')}`);
    expect(screen.getByText('已存在（未改动）：支部、指标、参数')).toBeInstanceOf(HTMLElement);
  });

  it('generates a form per chosen rater with the role picked, and notes missing data validation', async () => {
    const host = fakeHost(basicWorkbook(), { capabilities: { dataValidation: false } });
    render(<App host={host} />);
    tab('评分');
    fireEvent.change(screen.getByRole('textbox', { name: '评分人（每行一个姓名）' }), { target: { value: '张三\n李四\n王五\n' } });
    fireEvent.change(screen.getByRole('combobox', { name: '李四的评分人类别' }), { target: { value: '自评' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '王五' }));
    fireEvent.click(button('生成评分表'));
    await screen.findByText('已生成：评分-张三、评分-李四');
    expect(screen.getByText(/当前 Excel 版本不支持数据验证/)).toBeInstanceOf(HTMLElement);
    const forms = host.addSheets.mock.calls[0]?.[0] ?? [];
    expect(forms.map((f) => [f.name, f.preamble?.[1]?.[1]])).toEqual([
      ['评分-张三', '上级'],
      ['评分-李四', '自评'],
    ]);
  });
});

describe('language', () => {
  it('switches to English labels and marks the pane en-US', () => {
    const { container } = render(<App host={fakeHost()} />);
    fireEvent.change(screen.getByRole('combobox', { name: '界面语言' }), { target: { value: 'en-US' } });
    for (const name of ['Prepare', 'Forms', 'Check', 'Compute', 'Results']) expect(screen.getByRole('tab', { name })).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('tab', { name: '准备' })).toBeNull();
    expect(button('Create missing sheets')).toBeInstanceOf(HTMLElement);
    expect(container.querySelector('[lang="en-US"]')).not.toBeNull();
  });

  it('follows the locale the embedding page gives, and can leave the picker to that page', () => {
    const host = fakeHost();
    const { rerender } = render(<App host={host} locale="zh-CN" languageSwitch={false} />);
    expect(screen.queryByRole('combobox', { name: '界面语言' })).toBeNull();
    rerender(<App host={host} locale="en-US" languageSwitch={false} />);
    expect(screen.getByRole('tab', { name: 'Prepare' })).toBeInstanceOf(HTMLElement);
  });

  it('starts in English when Office’s display language is English, with issue messages in English', async () => {
    const raw = workbookWithBadScore();
    render(<App host={fakeHost(raw)} locale="en-US" />);
    tab('Check');
    fireEvent.click(button('Run check'));
    const issue = checkWorkbook(raw).find((i) => i.code === 'SCORE_OUT_OF_RANGE')!;
    expect(await screen.findByRole('button', { name: `Go to ${describeLocation(issue.at)}: ${renderIssue(issue, 'en-US')}` })).toBeInstanceOf(HTMLElement);
  });
});

describe('roles', () => {
  it('offers the roles of 参数, read once, and warns when 参数 cannot be read', async () => {
    const host = fakeHost(basicWorkbook());
    const { unmount } = render(<App host={host} />);
    tab('评分');
    fireEvent.change(screen.getByRole('textbox', { name: '评分人（每行一个姓名）' }), { target: { value: '张三' } });
    await waitFor(() => expect(host.read).toHaveBeenCalledTimes(1));
    tab('检查');
    tab('评分');
    const options = within(screen.getByRole('combobox', { name: '张三的评分人类别' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['上级', '自评']);
    expect(host.read).toHaveBeenCalledTimes(1);
    unmount();

    const broken = fakeHost(basicWorkbook(), { fail: { read: new HostError('busy', 'InvalidOperationInCellEditMode') } });
    render(<App host={broken} />);
    tab('评分');
    expect(await screen.findByText(/未能读取“参数”中的评分人类别，暂用默认类别（上级、自评）。InvalidOperationInCellEditMode/)).toBeInstanceOf(HTMLElement);
  });
});

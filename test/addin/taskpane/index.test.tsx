// @vitest-environment jsdom
import './setup';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeHost } from './fakeHost';

vi.mock('../../../addin/office/excel-host', () => ({ createExcelHost: () => fakeHost() }));

const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
  document.body.replaceChildren();
  vi.resetModules();
});

describe('the Excel entry', () => {
  it('says where to open the pane when Office.js is not loaded, in the browser’s language', async () => {
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    await import('../../../addin/taskpane/index');
    expect(screen.getByRole('alert').textContent).toMatch(/请在 Excel 中通过加载项按钮打开此任务窗格/);
    language.mockRestore();
  });

  it('says the same when Office runs outside Excel', async () => {
    g.Office = { onReady: (cb: (info: { host: string | null }) => void) => Promise.resolve(cb({ host: null })), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' } };
    await import('../../../addin/taskpane/index');
    expect(screen.getByRole('alert').textContent).toMatch(/open this page from the add-in's button in Excel/);
  });

  it('renders the pane in Excel, in Office’s display language', async () => {
    g.Office = { onReady: (cb: (info: { host: string }) => void) => Promise.resolve(cb({ host: 'Excel' })), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' } };
    await import('../../../addin/taskpane/index');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Prepare' })).toBeInstanceOf(HTMLElement));
    expect(document.documentElement.lang).toBe('en-US');
  });
});

/**
 * The task pane: seven steps as tabs over one WorkbookHost. App holds only the wiring: the state (a
 * reducer over the controller's phases), the locale, and which tab is open. Office calls live in the
 * host, the steps in controller.ts, the words in i18n.ts, and every view in components/.
 */
import { FluentProvider, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { useId, useMemo, useReducer, useState, type ReactNode } from 'react';
import type { Locale } from '../../engine/messages';
import type { WorkbookHost } from '../host';
import { CheckPanel } from './components/CheckPanel';
import { ComputePanel } from './components/ComputePanel';
import { ExportPanel } from './components/ExportPanel';
import { FormsPanel } from './components/FormsPanel';
import { ImportPanel } from './components/ImportPanel';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PhaseStatus } from './components/PhaseStatus';
import { PreparePanel } from './components/PreparePanel';
import { ResultsPanel } from './components/ResultsPanel';
import { createController, type ControllerOptions } from './controller';
import { strings, type StepKey } from './i18n';
import { INITIAL, isBusy, reducer, type Step } from './state';
import { useRoles } from './useRoles';

export interface AppProps {
  readonly host: WorkbookHost;
  /** The language (Office's display language in Excel). The pane follows changes of it; the user can also switch. */
  readonly locale?: Locale;
  /** Show the pane's own language picker (default true; the web page, which has one in its header, turns it off). */
  readonly languageSwitch?: boolean;
  /** Host-specific controls shown above the steps (the web page's open and download buttons). */
  readonly toolbar?: ReactNode;
  /** The clock and the CSV saver (tests); defaults are the browser's. */
  readonly controllerOptions?: ControllerOptions;
}

/** product.md's order: 准备 → 评分 → 导入 → (检查) → 计算 → (结果) → 导出. */
const TABS: readonly StepKey[] = ['prepare', 'forms', 'import', 'check', 'compute', 'results', 'export'];

export function App({ host, locale: given = 'zh-CN', toolbar, languageSwitch = true, controllerOptions }: AppProps) {
  const [locale, setLocale] = useState<Locale>(given);
  // Follow the prop when the embedding page changes it (adjusting state while rendering, as React advises).
  const [lastGiven, setLastGiven] = useState<Locale>(given);
  if (lastGiven !== given) {
    setLastGiven(given);
    setLocale(given);
  }
  const [tab, setTab] = useState<StepKey>('prepare');
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const controller = useMemo(
    () => createController(host, (phase) => dispatch({ type: 'phase', phase }), locale, controllerOptions),
    [host, locale, controllerOptions],
  );
  const { roles, error: rolesError } = useRoles(controller, tab === 'forms');
  const t = strings(locale);
  const base = useId();
  const ids: Ids = { tab: (k) => `${base}-tab-${k}`, panel: (k) => `${base}-panel-${k}` };
  const busy = isBusy(state.phase);
  const status = (...steps: (Step | 'select')[]) => <PhaseStatus phase={state.phase} steps={steps} t={t} onDismiss={() => dispatch({ type: 'dismiss' })} />;

  return (
    <FluentProvider theme={webLightTheme}>
      <div lang={locale} style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 8 }}>
        <header style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Text as="h1" size={500} weight="semibold">
            {t.title}
          </Text>
          {languageSwitch ? <LanguageSwitch t={t} locale={locale} onChange={setLocale} /> : null}
        </header>
        {toolbar}
        <TabList selectedValue={tab} onTabSelect={(_e, d) => {
            const next = TABS.find((k) => k === d.value);
            if (next !== undefined) setTab(next);
          }} aria-label={t.stepsLabel}>
          {TABS.map((k) => (
            <Tab key={k} value={k} id={ids.tab(k)} aria-controls={ids.panel(k)}>
              {t.steps[k]}
            </Tab>
          ))}
        </TabList>
        {/* Every panel stays mounted (hidden when not selected), so typed rater names survive a tab switch. */}
        <Panel k="prepare" tab={tab} ids={ids}>
          <PreparePanel t={t} busy={busy} outcome={state.outcomes.prepare} status={status('prepare')} onRun={() => void controller.prepare()} />
        </Panel>
        <Panel k="forms" tab={tab} ids={ids}>
          <FormsPanel
            t={t}
            locale={locale}
            busy={busy}
            roles={roles}
            rolesError={rolesError}
            outcome={state.outcomes.forms}
            status={status('forms')}
            onGenerate={(raters) => void controller.generateForms(raters)}
          />
        </Panel>
        <Panel k="import" tab={tab} ids={ids}>
          <ImportPanel
            t={t}
            locale={locale}
            busy={busy}
            outcome={state.outcomes.import}
            status={status('import')}
            onPick={(files) => void controller.importFiles(files)}
            onApply={(preview) => void controller.applyImport(preview)}
          />
        </Panel>
        <Panel k="check" tab={tab} ids={ids}>
          <CheckPanel
            t={t}
            locale={locale}
            busy={busy}
            outcome={state.outcomes.check}
            status={status('check', 'select')}
            onRun={() => void controller.check()}
            onSelect={(issue) => void controller.select(issue)}
          />
        </Panel>
        <Panel k="compute" tab={tab} ids={ids}>
          <ComputePanel t={t} busy={busy} outcome={state.outcomes.compute} status={status('compute')} onRun={() => void controller.compute()} onShowResults={() => setTab('results')} />
        </Panel>
        <Panel k="results" tab={tab} ids={ids}>
          <ResultsPanel t={t} locale={locale} outcome={state.outcomes.compute} />
        </Panel>
        <Panel k="export" tab={tab} ids={ids}>
          <ExportPanel
            t={t}
            busy={busy}
            csv={host.kind === 'web'}
            outcome={state.outcomes.export}
            status={status('export')}
            onExport={(o) => void controller.exportWorkbook(o)}
            onCsv={(o) => void controller.exportCsv(o)}
          />
        </Panel>
      </div>
    </FluentProvider>
  );
}

interface Ids {
  readonly tab: (k: StepKey) => string;
  readonly panel: (k: StepKey) => string;
}

/** One step's panel, labelled by its tab; hidden (not unmounted) when another tab is selected. */
function Panel({ k, tab, ids, children }: { readonly k: StepKey; readonly tab: StepKey; readonly ids: Ids; readonly children: ReactNode }) {
  return (
    <div role="tabpanel" id={ids.panel(k)} aria-labelledby={ids.tab(k)} hidden={k !== tab}>
      {children}
    </div>
  );
}

/**
 * The web page: a header, a way to open an .xlsx (file input or drag and drop), then the task pane `App`
 * over the workbook held in memory, with the file name and 下载结果 in its toolbar and, beside it, the
 * preview that stands in for Excel's grid when a cell is selected. No data leaves the browser: the file
 * is read with File.arrayBuffer() and saved through a blob: link.
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactElement } from 'react';
import type { Locale } from '../../engine/messages';
import { HostError } from '../host';
import { saveBlob } from '../save-file';
import { App } from '../taskpane/App';
import type { MemoryHost, SheetPreview, WebSelection } from './memory-host';
import { webMessages, type WebMessages } from './messages';
import { SelectionPreview } from './SelectionPreview';

type PageState =
  | { readonly phase: 'empty' }
  | { readonly phase: 'opening'; readonly fileName: string }
  | { readonly phase: 'open'; readonly host: MemoryHost; readonly key: number }
  | { readonly phase: 'failed'; readonly fileName: string; readonly message: string; readonly detail?: string };

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexWrap: 'wrap',
  },
  headerText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '16em' },
  tagline: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.9 },
  language: { minWidth: '9em' },
  languageLabel: { color: tokens.colorNeutralForegroundOnBrand },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
    maxWidth: '44em',
    alignSelf: 'center',
    width: '100%',
    boxSizing: 'border-box',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', justifyContent: 'center' },
  message: { width: '100%', textAlign: 'start' },
  work: { display: 'flex', gap: tokens.spacingHorizontalXL, alignItems: 'flex-start', flexWrap: 'wrap' },
  pane: {
    flex: '1 1 520px',
    maxWidth: '760px',
    minWidth: '320px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
  },
  aside: {
    flex: '1 1 380px',
    minWidth: '300px',
    // The preview stays in view while the user scrolls a long issue list.
    position: 'sticky',
    top: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
  },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileName: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hidden: { display: 'none' },
  footer: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, color: tokens.colorNeutralForeground3 },
});

export interface WebPageProps {
  readonly initialLocale: Locale;
  /** Opens the bytes as a host; the page passes the lazily loaded createMemoryHost (exceljs is a separate chunk). */
  readonly openHost: (bytes: ArrayBuffer, fileName: string) => Promise<MemoryHost>;
  /** A host over a new workbook without sheets (准备 then adds the template's). */
  readonly newHost: (fileName: string) => Promise<MemoryHost>;
}

/** The whole page. */
export function WebPage({ initialLocale, openHost, newHost }: WebPageProps): ReactElement {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [state, setState] = useState<PageState>({ phase: 'empty' });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const opened = useRef(0);
  const m = webMessages(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${m.product} · ${locale === 'zh-CN' ? '网页版' : 'Web'}`;
  }, [locale, m.product]);

  const start = useCallback(
    async (fileName: string, make: () => Promise<MemoryHost>) => {
      setState({ phase: 'opening', fileName });
      try {
        const host = await make();
        opened.current += 1;
        setState({ phase: 'open', host, key: opened.current });
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        setState(
          e instanceof HostError
            ? { phase: 'failed', fileName, message: e.message, ...(e.detail !== undefined ? { detail: e.detail } : {}) }
            : { phase: 'failed', fileName, message: m.notXlsx(fileName), detail },
        );
      }
    },
    [m],
  );
  const open = useCallback((file: File) => start(file.name, async () => openHost(await file.arrayBuffer(), file.name)), [start, openHost]);
  const startBlank = (): void => void start(m.blankName, () => newHost(m.blankName));

  const chooseFile = useCallback(() => fileInput.current?.click(), []);

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file !== undefined) void open(file);
  };

  return (
    <div
      className={mergeClasses(styles.page, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className={styles.header}>
        <div className={styles.headerText}>
          <Title2 as="h1">{m.product}</Title2>
          <Caption1 className={styles.tagline}>{m.tagline}</Caption1>
        </div>
        <Field label={<span className={styles.languageLabel}>{m.language}</span>} orientation="horizontal">
          <Select className={styles.language} value={locale} onChange={(_, d) => setLocale(d.value === 'en-US' ? 'en-US' : 'zh-CN')} data-testid="language">
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </Select>
        </Field>
      </header>

      <input
        ref={fileInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so that choosing the same file again still fires a change.
          e.target.value = '';
          if (file !== undefined) void open(file);
        }}
      />

      <main className={styles.main}>
        {state.phase === 'open' ? (
          <Workbench key={state.key} host={state.host} locale={locale} messages={m} onOpenOther={chooseFile} />
        ) : (
          <div className={styles.drop}>
            <Subtitle1>{m.dropHere}</Subtitle1>
            <div className={styles.actions}>
              <Button appearance="primary" size="large" onClick={chooseFile} disabled={state.phase === 'opening'}>
                {m.open}
              </Button>
              <Button size="large" onClick={startBlank} disabled={state.phase === 'opening'}>
                {m.newBlank}
              </Button>
            </div>
            <Caption1>{m.dropHint}</Caption1>
            {state.phase === 'opening' && <Spinner size="small" label={m.opening(state.fileName)} />}
            {state.phase === 'failed' && (
              <MessageBar intent="error" layout="multiline" className={styles.message} data-testid="open-error">
                <MessageBarBody>
                  <MessageBarTitle>{m.openFailed}</MessageBarTitle>
                  {state.message}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
      </main>
      <footer className={styles.footer}>
        <Caption1>{m.privacy}</Caption1>
      </footer>
    </div>
  );
}

interface WorkbenchProps {
  readonly host: MemoryHost;
  readonly locale: Locale;
  readonly messages: WebMessages;
  readonly onOpenOther: () => void;
}

/** An open workbook: the task pane with the file toolbar, and the selection preview. */
function Workbench({ host, locale, messages: m, onOpenOther }: WorkbenchProps): ReactElement {
  const styles = useStyles();
  const [selected, setSelected] = useState<{ selection: WebSelection; preview: SheetPreview | null } | null>(null);
  const [revision, setRevision] = useState(host.revision);
  const [savedRevision, setSavedRevision] = useState(host.revision);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => host.onSelect((selection) => setSelected({ selection, preview: host.preview(selection) })), [host]);
  useEffect(() => host.onChange(setRevision), [host]);

  const unsaved = revision !== savedRevision;
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Chromium still wants returnValue set to show its own (fixed) text.
      e.returnValue = m.unsavedWarning;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, m.unsavedWarning]);

  const save = async (): Promise<void> => {
    setSaving(true);
    setSaveError(null);
    try {
      const at = host.revision;
      saveBlob(await host.download(), host.downloadName);
      setSavedRevision(at);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const toolbar = (
    <div className={styles.toolbar}>
      <Text className={styles.fileName} title={host.fileName} data-testid="file-name">
        {m.fileLabel}：{host.fileName}
      </Text>
      <Button appearance={unsaved ? 'primary' : 'secondary'} onClick={() => void save()} disabled={saving} data-testid="download">
        {saving ? m.downloading : m.download}
      </Button>
      <Button appearance="subtle" onClick={onOpenOther}>
        {m.openOther}
      </Button>
      {saveError !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{m.downloadFailed}</MessageBarTitle>
            {saveError}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <div className={styles.work}>
      <div className={styles.pane}>
        <App host={host} locale={locale} toolbar={toolbar} languageSwitch={false} />
      </div>
      <aside className={styles.aside}>
        <SelectionPreview selection={selected?.selection ?? null} preview={selected?.preview ?? null} messages={m} />
      </aside>
    </div>
  );
}

/**
 * Entry of the web page (dist/index.html): the task pane over an .xlsx held in memory. The exceljs
 * reader/writer is loaded when the first file is opened (its own chunk), so the page appears at once.
 */
import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MemoryHost } from './memory-host';
import { localeFromNavigator } from './messages';
import { WebPage } from './WebPage';

async function openHost(bytes: ArrayBuffer, fileName: string): Promise<MemoryHost> {
  const { createMemoryHost } = await import(/* webpackChunkName: "memory-host" */ './memory-host');
  return createMemoryHost(bytes, fileName);
}

async function newHost(fileName: string): Promise<MemoryHost> {
  const { createEmptyHost } = await import(/* webpackChunkName: "memory-host" */ './memory-host');
  return createEmptyHost(fileName);
}

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

function Root() {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <WebPage initialLocale={localeFromNavigator(navigator.languages.length > 0 ? navigator.languages : [navigator.language])} openHost={openHost} newHost={newHost} />
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

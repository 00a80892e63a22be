/**
 * Shared set-up of the component tests (import it first): React Testing Library's cleanup after each
 * test (vitest runs without globals, so RTL cannot register it itself), a 10 s wait for findBy*, and
 * NodeFilter, which Fluent's focus manager (tabster) reads as a global but vitest's jsdom environment
 * does not expose.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor give up after 1 s by default; a full parallel run (exceljs reading the picked files, the
// engine on 30 branches) can take longer on a loaded machine, which is slowness, not a failure.
configure({ asyncUtilTimeout: 10_000 });

if (typeof globalThis.NodeFilter === 'undefined' && typeof window !== 'undefined') {
  Object.assign(globalThis, { NodeFilter: window.NodeFilter });
}

afterEach(() => {
  cleanup();
});

/**
 * Shared set-up of the component tests (import it first): React Testing Library's cleanup after each
 * test (vitest runs without globals, so RTL cannot register it itself), and NodeFilter, which Fluent's
 * focus manager (tabster) reads as a global but vitest's jsdom environment does not expose.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (typeof globalThis.NodeFilter === 'undefined' && typeof window !== 'undefined') {
  Object.assign(globalThis, { NodeFilter: window.NodeFilter });
}

afterEach(() => {
  cleanup();
});

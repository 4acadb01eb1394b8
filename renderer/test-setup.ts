import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { firstListShown } from './src/app/after-first-list';
import { resetAppStore } from './src/app/store';

// Components under test start their background work at once (after-first-list.ts has its own test).
firstListShown();

afterEach(() => {
  cleanup();
  resetAppStore();
});

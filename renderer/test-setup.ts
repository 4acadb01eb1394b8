import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetAppStore } from './src/app/store';

afterEach(() => {
  cleanup();
  resetAppStore();
});

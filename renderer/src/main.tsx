import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CrashBoundary } from './app/CrashScreen';
import { db } from './db/db';
import './app/styles.css';
import { applyTheme, storedTheme } from './features/settings/theme';

// Before the first paint, so a chosen theme never flashes the other one.
applyTheme(storedTheme());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CrashBoundary db={db}>
      <App db={db} />
    </CrashBoundary>
  </StrictMode>,
);

import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useAppStore } from '../../app/store';
import { FirstSyncProgress } from './FirstSyncProgress';

test('shows how much of the first sync has arrived once the server has counted it', () => {
  useAppStore.setState({ lastSyncedAt: null, syncStatus: { kind: 'syncing', changes: 2000, total: 8000 } });
  render(<FirstSyncProgress />);
  expect(screen.getByText(/2,000 of 8,000 changes/)).toBeInTheDocument();
  const bar = screen.getByLabelText('First sync progress');
  expect(bar).toHaveAttribute('value', '2000');
  expect(bar).toHaveAttribute('max', '8000');
});

test('is indeterminate before the count arrives and gone after the first sync', () => {
  useAppStore.setState({ lastSyncedAt: null, syncStatus: { kind: 'syncing', changes: 0 } });
  const { unmount } = render(<FirstSyncProgress />);
  expect(screen.getByLabelText('First sync progress')).not.toHaveAttribute('value');
  unmount();
  useAppStore.setState({ lastSyncedAt: 1, syncStatus: { kind: 'syncing', changes: 10 } });
  render(<FirstSyncProgress />);
  expect(screen.queryByLabelText('First sync progress')).toBeNull();
});

test("says when the agent's own most urgent tickets are in, while the rest of the desk downloads", () => {
  useAppStore.setState({ lastSyncedAt: null, syncStatus: { kind: 'syncing', changes: 0, firstWork: 412 } });
  render(<FirstSyncProgress />);
  expect(screen.getByRole('status')).toHaveTextContent('First sync: your most urgent tickets are here (412); downloading the rest of the desk…');
});

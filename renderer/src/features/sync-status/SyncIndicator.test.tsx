import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { resetAppStore, useAppStore } from '../../app/store';
import { SyncIndicator } from './SyncIndicator';

beforeEach(() => resetAppStore());

describe('SyncIndicator', () => {
  test('says when changes from the server could not be read, and how many, for the rest of the session', () => {
    render(<SyncIndicator onSyncNow={() => {}} onSignIn={() => {}} />);
    expect(screen.queryByText(/could not be read/)).toBeNull();
    act(() => useAppStore.getState().addUnreadable(1));
    expect(screen.getByText('⚠ 1 change from the server could not be read')).toHaveAttribute('title', expect.stringMatching(/Update Tierdesk, or tell your administrator/));
    act(() => useAppStore.getState().addUnreadable(2));
    act(() => useAppStore.getState().setSyncStatus({ kind: 'idle' }));
    expect(screen.getByText('⚠ 3 changes from the server could not be read')).toBeInTheDocument();
  });
});

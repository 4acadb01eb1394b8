import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { OpeningSplash, SLOW_START_MS } from './OpeningSplash';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('says it is opening, and after a moment why a start may take a while', () => {
  render(<OpeningSplash />);
  expect(screen.getByRole('status')).toHaveTextContent('Opening Tierdesk…');
  expect(screen.queryByText(/Still opening/)).toBeNull();
  act(() => vi.advanceTimersByTime(SLOW_START_MS - 1));
  expect(screen.queryByText(/Still opening/)).toBeNull();
  act(() => vi.advanceTimersByTime(1));
  expect(screen.getByRole('status')).toHaveTextContent(/Still opening\. The first start after an update may reorganize the tickets kept on this computer/);
});

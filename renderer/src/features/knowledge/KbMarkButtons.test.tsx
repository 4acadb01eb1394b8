import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { TierdeskDb } from '../../db/db';
import { L1, Providers } from '../../test/workspace-harness';
import { KbMarkButtons } from './KbMarkButtons';

const db = new TierdeskDb(`kb-marks-${Math.random()}`);
afterEach(() => db.close());

describe('article marks on a ticket', () => {
  test('can be changed on an open ticket; on a closed one they show what was marked and cannot change', () => {
    const props = { ticketId: 't-1', ticketNumber: 'INC-000042', articleId: 'kb-1', title: 'VPN profile reset', mark: 'resolved_with' as const };
    const { rerender } = render(
      <Providers db={db} agent={L1}>
        <KbMarkButtons {...props} />
      </Providers>,
    );
    expect(screen.getByRole('button', { name: /^Resolved with this/ })).toBeEnabled();
    rerender(
      <Providers db={db} agent={L1}>
        <KbMarkButtons {...props} closed />
      </Providers>,
    );
    const marked = screen.getByRole('button', { name: /^Resolved with this/ });
    expect(marked).toBeDisabled();
    expect(marked).toHaveAttribute('aria-pressed', 'true');
    expect(marked).toHaveAttribute('title', 'INC-000042 is closed');
  });
});

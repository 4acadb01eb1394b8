import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { Modal } from './Modal';

/** A row button opens a dialog; the action in it removes the row (as a virtual list does when the ticket moves away). */
function Desk() {
  const [open, setOpen] = useState(false);
  const [rowThere, setRowThere] = useState(true);
  return (
    <>
      {rowThere && (
        <button type="button" onClick={() => setOpen(true)}>
          Open INC-000001
        </button>
      )}
      <aside data-detail="INC-000001" tabIndex={-1} aria-label="Ticket detail">
        detail
      </aside>
      {open && (
        <Modal title="Pause a clock" onClose={() => setOpen(false)}>
          <button
            type="button"
            onClick={() => {
              setRowThere(false);
              setOpen(false);
            }}
          >
            Pause clock
          </button>
        </Modal>
      )}
    </>
  );
}

describe('Modal', () => {
  test('gives focus back to what opened it, or to the open ticket when that is gone', async () => {
    const user = userEvent.setup();
    render(<Desk />);
    const row = screen.getByRole('button', { name: 'Open INC-000001' });
    await user.click(row);
    await user.keyboard('{Escape}');
    expect(row).toHaveFocus();
    await user.click(row);
    await user.click(screen.getByRole('button', { name: 'Pause clock' }));
    expect(screen.getByLabelText('Ticket detail')).toHaveFocus();
  });

  test('Ctrl/⌘+Enter submits the form the key was pressed in, only through an enabled submit button', async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    function NoteForm({ disabled = false }: { disabled?: boolean }) {
      return (
        <Modal title="Add a note" onClose={() => {}}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              sent.push(new FormData(e.currentTarget).get('note') as string);
            }}
          >
            <label>
              Note
              <textarea name="note" />
            </label>
            <button type="submit" disabled={disabled}>
              Add note
            </button>
          </form>
        </Modal>
      );
    }
    const view = render(<NoteForm />);
    await user.type(screen.getByLabelText('Note'), 'Rebooted the router');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    await user.keyboard('{Control>}{Alt>}{Enter}{/Alt}{/Control}');
    expect(sent).toEqual(['Rebooted the router']);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(sent).toEqual(['Rebooted the router', 'Rebooted the router']);
    view.rerender(<NoteForm disabled />);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(sent).toHaveLength(2);
  });
});

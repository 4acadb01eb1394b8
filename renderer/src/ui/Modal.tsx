import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

type Props = {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider dialogs (the handoff note). */
  wide?: boolean;
  /** Extra text read after the title (what the dialog is for). */
  description?: string;
};

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: named by its title, focus moves in and stays in (Tab
 * wraps), Escape closes, Ctrl/⌘+Enter submits its form (from a multi-line
 * note too, where Enter is a new line), and focus returns to where it was. Built on a div
 * with role="dialog" rather than <dialog> so it behaves the same in jsdom.
 */
export function Modal({ title, onClose, children, wide = false, description }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  const autofocused = useRef(false);

  // Layout effects: focus is in the dialog before it is painted, so keys typed
  // the moment it appears land in it, not in the page behind.
  // (React may disconnect and reconnect these effects, e.g. around a suspended
  // render, so the mount effect also goes to the autofocus field when it exists.)
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    (ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current)?.focus();
    return () => {
      // The element that opened it may be gone (a row the action moved out of the
      // virtual list): then the open ticket, else the list, keeps the focus.
      const back = previous?.isConnected ? previous : document.querySelector<HTMLElement>('[data-detail]') ?? document.querySelector<HTMLElement>('.queue-scroll');
      back?.focus?.();
    };
  }, []);

  // The field marked data-autofocus gets focus once it exists: a dialog's form
  // often appears a moment after the dialog (its draft is read first).
  useLayoutEffect(() => {
    if (autofocused.current || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>('[data-autofocus]');
    if (target && (document.activeElement === ref.current || !ref.current.contains(document.activeElement))) {
      autofocused.current = true;
      target.focus();
    }
  });

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      // The form the key was pressed in, else the dialog's only form; submitted as its
      // button would (the form's own checks run, a disabled submit button stays disabled).
      const target = event.target as HTMLElement;
      const forms = ref.current?.querySelectorAll('form') ?? [];
      const form = target.closest('form') ?? (forms.length === 1 ? forms[0] : null);
      const submitter = form?.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
      if (form && submitter && !submitter.disabled) {
        event.preventDefault();
        event.stopPropagation();
        form.requestSubmit(submitter);
      }
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        {...(description ? { 'aria-describedby': descId } : {})}
        className={wide ? 'modal modal--wide' : 'modal'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon" aria-label="Close" onClick={() => close.current()}>
            ×
          </button>
        </header>
        {description && (
          <p id={descId} className="modal-desc">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}

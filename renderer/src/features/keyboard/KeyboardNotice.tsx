import { useAppStore } from '../../app/store';

/** The answer to a shortcut that could not act, read out politely and dismissable. */
export function KeyboardNotice() {
  const notice = useAppStore((s) => s.notice);
  const clear = useAppStore((s) => s.setNotice);
  return (
    <p className="key-notice" role="status">
      {notice}
      {notice && (
        <button type="button" className="icon" aria-label="Dismiss" onClick={() => clear(null)}>
          ×
        </button>
      )}
    </p>
  );
}

/** Local storage failed (disk full, transaction aborted, database blocked); nothing of the action was written. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'aborted' | 'unknown',
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

function errorName(error: unknown): string {
  if (!error || typeof error !== 'object') return '';
  const e = error as { name?: string; inner?: unknown };
  // Dexie wraps the DOMException of IndexedDB in `inner`.
  return `${e.name ?? ''} ${errorName(e.inner)}`;
}

/** Turns IndexedDB/Dexie failures into a message the agent can act on. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  if (name.includes('QuotaExceeded')) {
    return new StorageError(
      'quota',
      'The disk is full: this action was NOT saved. Your text is still in the form. Free some disk space, then try again; everything saved before is intact.',
      { cause: error },
    );
  }
  if (name.includes('Abort') || name.includes('Transaction')) {
    return new StorageError('aborted', 'Saving was interrupted: this action was NOT saved. Your text is still in the form; try again.', {
      cause: error,
    });
  }
  return new StorageError('unknown', `Saving failed: ${error instanceof Error ? error.message : String(error)}. Your text is still in the form.`, {
    cause: error,
  });
}

/** An IndexedDB request as a promise (resolved inside its success event, so the transaction is still active). */
export function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The error IndexedDB gives for a key it refuses (DOMException where there is one, as in browsers). */
export function dataError(message: string): Error {
  return typeof DOMException === 'function' ? new DOMException(message, 'DataError') : Object.assign(new Error(message), { name: 'DataError' });
}

export function constraintError(message: string): Error {
  return typeof DOMException === 'function' ? new DOMException(message, 'ConstraintError') : Object.assign(new Error(message), { name: 'ConstraintError' });
}

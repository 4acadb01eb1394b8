/**
 * Fault injection for the crash and shutdown tests, inert unless the process
 * was started with TIERDESK_FAULT="<point>:<n>" or "<point>:<n>:SIGTERM".
 * At that point the process sends itself SIGKILL (no cleanup, no rollback
 * handlers, exactly like a power cut in the middle of a transaction) or
 * SIGTERM (an operator stopping the service while work is under way).
 */
const spec = process.env.TIERDESK_FAULT;

export function faultPoint(point: string, n: number): void {
  if (!spec) return;
  if (spec === `${point}:${n}`) process.kill(process.pid, 'SIGKILL');
  else if (spec === `${point}:${n}:SIGTERM`) process.kill(process.pid, 'SIGTERM');
}

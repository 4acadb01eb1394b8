/**
 * Crash injection for the crash-consistency tests, inert unless the process
 * was started with TIERDESK_FAULT="<point>:<mutationId>". At that point the
 * process kills itself with SIGKILL (no cleanup, no rollback handlers),
 * exactly like a power cut in the middle of a transaction.
 */
const spec = process.env.TIERDESK_FAULT;

export function faultPoint(point: string, mutationId: number): void {
  if (spec && spec === `${point}:${mutationId}`) process.kill(process.pid, 'SIGKILL');
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PRIORITIES, TIERS } from '../model/levels';
import type { TicketEvent } from '../model/ticket-event';
import { defaultPolicy } from '../policy/default-policy';
import { created, ny, policyWith } from '../testing/ticket-events';
import { MINUTE_MS } from '../time/duration';
import { computeClocks } from './compute-clocks';

const START = ny('2026-01-01T00:00');
const YEAR_MINUTES = 365 * 24 * 60;
const restartPolicy = policyWith((doc) => (doc.retargetRule = 'restart'));

/** Random event streams, valid and invalid alike: computeClocks has to survive whatever was stored. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('pause' as const), clock: fc.constantFrom('response', 'resolution'), reason: fc.constantFrom('awaiting_customer', 'awaiting_vendor', 'change_window', 'lunch'), role: fc.constantFrom('l1_agent', 'l2_agent', 'lead') }),
  fc.record({ kind: fc.constant('resume' as const), clock: fc.constantFrom('response', 'resolution') }),
  fc.record({ kind: fc.constant('respond' as const), via: fc.constantFrom('public_reply', 'internal_note', 'phone_call') }),
  fc.record({ kind: fc.constant('priority' as const), priority: fc.constantFrom(...PRIORITIES) }),
  fc.record({ kind: fc.constant('escalate' as const), from: fc.constantFrom(...TIERS), to: fc.constantFrom(...TIERS) }),
  fc.record({ kind: fc.constant('accept' as const), tier: fc.constantFrom(...TIERS) }),
  fc.record({ kind: fc.constantFrom('resolve' as const, 'reopen' as const, 'close' as const) }),
);

const streamArb = fc
  .record({
    start: fc.integer({ min: 0, max: YEAR_MINUTES }),
    priority: fc.constantFrom(...PRIORITIES),
    severity: fc.constantFrom('S1', 'S2', 'S3', 'S4' as const),
    steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), step), { maxLength: 14 }),
  })
  .map(({ start, priority, severity, steps }) => {
    let at = START + start * MINUTE_MS;
    const events: TicketEvent[] = [created(at, { priority, severity })];
    const who = { by: 'someone', role: 'l2_agent' as const };
    for (const [gap, s] of steps) {
      at += gap * MINUTE_MS;
      switch (s.kind) {
        case 'pause': events.push({ type: 'paused', at, by: 'someone', role: s.role, clock: s.clock, reason: s.reason }); break;
        case 'resume': events.push({ type: 'resumed', at, ...who, clock: s.clock }); break;
        case 'respond': events.push({ type: 'responded', at, ...who, via: s.via }); break;
        case 'priority': events.push({ type: 'priority_changed', at, ...who, priority: s.priority, reason: 'reassessed' }); break;
        case 'escalate': events.push({ type: 'escalated', kind: 'functional', at, ...who, trigger: 'troubleshooting_exhausted', fromTier: s.from, toTier: s.to, reason: 'needs more' }); break;
        case 'accept': events.push({ type: 'accepted', at, ...who, tier: s.tier }); break;
        case 'resolve': events.push({ type: 'resolved', at, ...who }); break;
        case 'reopen': events.push({ type: 'reopened', at, ...who, reason: 'back again' }); break;
        case 'close': events.push({ type: 'closed', at, ...who }); break;
      }
    }
    return { events, end: at + 2 * 24 * 60 * MINUTE_MS };
  });

describe('clock properties over random event streams', () => {
  test('computeClocks never throws and never reports negative elapsed time', () => {
    fc.assert(
      fc.property(streamArb, fc.boolean(), ({ events, end }, restart) => {
        const clocks = computeClocks(events, restart ? restartPolicy : defaultPolicy, end);
        for (const clock of [clocks.response, clocks.resolution, clocks.acceptance]) {
          if (clock) expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  test('a clock never runs while paused: elapsed time is the same at every instant of a pause', () => {
    fc.assert(
      fc.property(streamArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ events, end }, where) => {
        const final = computeClocks(events, defaultPolicy, end);
        for (const kind of ['response', 'resolution'] as const) {
          for (const phase of final[kind]?.phases ?? []) {
            if (phase.state !== 'paused') continue;
            const until = phase.to ?? end;
            // A pause and a resume at the same instant leave an empty phase: no instant lies inside it
            // (fast-check found one: created, paused and resumed at one instant).
            if (until <= phase.from) continue;
            const inside = phase.from + Math.floor((until - phase.from) * where * 0.999);
            const atPause = computeClocks(events, defaultPolicy, phase.from)[kind]!;
            const later = computeClocks(events, defaultPolicy, inside)[kind]!;
            expect(later.state).toBe('paused');
            expect(later.elapsedMs).toBe(atPause.elapsedMs);
          }
        }
      }),
    );
  });

  test('while a clock runs its elapsed time never decreases (keep-elapsed rule)', () => {
    fc.assert(
      fc.property(streamArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }), ({ events, end }, points) => {
        const start = events[0]!.at;
        const instants = points.map((p) => start + Math.floor((end - start) * p)).sort((a, b) => a - b);
        let previous = 0;
        for (const t of instants) {
          const elapsed = computeClocks(events, defaultPolicy, t).resolution!.elapsedMs;
          expect(elapsed).toBeGreaterThanOrEqual(previous);
          previous = elapsed;
        }
      }),
    );
  });
});

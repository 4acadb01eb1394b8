import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { HandoffNote } from './handoff-note';
import { junkReason, similarity } from './junk-text';
import { validateHandoff, type HandoffContext } from './validate-handoff';

const good: HandoffNote = {
  steps: [
    { action: 'Reset the VPN profile on the laptop', outcome: 'Same error 809 after the reset' },
    { action: 'Tested from a hotspot outside the office network', outcome: 'Connects, so the office firewall is the suspect' },
  ],
  businessImpact: 'Twelve remote sales staff cannot reach the CRM',
  workaround: 'Staff use the web CRM through the browser gateway',
  involved: ['Dana Ortiz (L1)', 'Requester: Sam Lee'],
  nextTierNeeds: 'Check the firewall rule for IKEv2 on port 4500 that changed on Monday',
  kbArticlesChecked: ['KB0012', 'KB0457'],
  category: 'network',
  priority: 'P3',
};
const l1ToL2: HandoffContext = { ticket: { category: 'network', priority: 'P3' }, fromTier: 'L1', toTier: 'L2' };
const fields = (note: HandoffNote, context = l1ToL2, previous?: HandoffNote) =>
  validateHandoff(note, context, defaultPolicy, previous).map((e) => e.field);

describe('validateHandoff', () => {
  test('accepts a complete, specific note', () => {
    expect(validateHandoff(good, l1ToL2, defaultPolicy)).toEqual([]);
  });

  test('names each missing part: steps, business impact, workaround, people, what the next tier needs', () => {
    const empty: HandoffNote = { ...good, steps: [], businessImpact: '', workaround: '', involved: [], nextTierNeeds: ' ' };
    expect(fields(empty)).toEqual(['steps', 'businessImpact', 'workaround', 'involved', 'nextTierNeeds']);
  });

  test('requires an outcome for every step', () => {
    const note = { ...good, steps: [good.steps[0]!, { action: 'Restarted the VPN client service', outcome: '' }] };
    expect(validateHandoff(note, l1ToL2, defaultPolicy)).toEqual([{ field: 'steps[1].outcome', message: 'The outcome is empty' }]);
  });

  test('accepts an explicit "none" as the workaround but not "n/a"', () => {
    expect(fields({ ...good, workaround: 'None' })).toEqual([]);
    expect(fields({ ...good, workaround: 'no workaround available' })).toEqual([]);
    const errors = validateHandoff({ ...good, workaround: 'n/a' }, l1ToL2, defaultPolicy);
    expect(errors).toEqual([{ field: 'workaround', message: expect.stringContaining('write "none" if there is no workaround') }]);
  });

  test('refuses placeholders, lorem ipsum, keyboard mashing and repeated characters with the reason', () => {
    const junk = validateHandoff(
      { ...good, businessImpact: 'see above', nextTierNeeds: 'Lorem ipsum dolor sit amet', steps: [{ action: 'asdf asdf', outcome: 'aaaaaaa' }] },
      l1ToL2,
      defaultPolicy,
    );
    expect(junk).toEqual([
      { field: 'steps[0].action', message: 'What was tried looks like keyboard mashing' },
      { field: 'steps[0].outcome', message: 'The outcome is mostly one repeated character' },
      { field: 'businessImpact', message: 'The business impact "see above" is a placeholder, not an answer' },
      { field: 'nextTierNeeds', message: 'What L2 needs is placeholder text (lorem ipsum)' },
    ]);
  });

  test('refuses a note too short to say anything', () => {
    expect(validateHandoff({ ...good, businessImpact: 'users affected' }, l1ToL2, defaultPolicy)).toEqual([
      { field: 'businessImpact', message: 'The business impact is too short: write at least 3 words' },
    ]);
  });

  test('accepts a short but real outcome', () => {
    expect(fields({ ...good, steps: [{ action: 'Rebooted the router', outcome: 'No change' }] })).toEqual([]);
  });

  test('refuses the same step twice', () => {
    expect(fields({ ...good, steps: [good.steps[0]!, { ...good.steps[0]!, outcome: 'Still failing' }] })).toEqual(['steps[1].action']);
  });

  test('requires the KB articles checked from L1 to L2 only', () => {
    expect(fields({ ...good, kbArticlesChecked: [] })).toEqual(['kbArticlesChecked']);
    expect(fields({ ...good, kbArticlesChecked: [] }, { ...l1ToL2, fromTier: 'L2', toTier: 'L3' })).toEqual([]);
  });

  test('requires category and priority to be the ticket’s current ones', () => {
    expect(fields(good, { ...l1ToL2, ticket: { category: 'email', priority: 'P2' } })).toEqual(['category', 'priority']);
  });

  test('refuses a note copied from the previous handoff even with small edits', () => {
    const copied = { ...good, businessImpact: 'Twelve remote sales staff cannot reach the CRM!', involved: ['Dana Ortiz (L1)', 'Requester: Sam Lee', 'Me'] };
    const errors = validateHandoff(copied, { ...l1ToL2, fromTier: 'L2', toTier: 'L3' }, defaultPolicy, good);
    expect(errors).toEqual([{ field: '', message: expect.stringMatching(/^this note is 9\d% the same as the previous handoff; say what was tried since and what L3 needs now$/) }]);
  });

  test('accepts a note that builds on the previous one with new steps and needs', () => {
    const next: HandoffNote = {
      ...good,
      steps: [
        ...good.steps,
        { action: 'Compared the firewall change log with the outage start', outcome: 'Rule 4500/udp was removed on Monday by change CHG0931' },
        { action: 'Asked the network team to restore the rule', outcome: 'They need approval from the security architect' },
      ],
      involved: [...good.involved, 'Priya Nair (L2 network)'],
      nextTierNeeds: 'Security architecture must approve restoring the IKEv2 rule or propose an alternative',
    };
    expect(fields(next, { ...l1ToL2, fromTier: 'L2', toTier: 'L3' }, good)).toEqual([]);
  });
});

describe('junk detection', () => {
  test('passes plain short sentences and refuses filler', () => {
    expect(junkReason('Printer jams on tray 2', 3)).toBeNull();
    expect(junkReason('tbd', 1)).toMatch(/placeholder/);
    expect(junkReason('qwerty uiop', 1)).toMatch(/keyboard/);
    expect(junkReason('!!!!!!!!', 1)).toBe('is empty');
  });

  test('similarity ignores case and punctuation and drops as the texts diverge', () => {
    expect(similarity('Reset the VPN profile.', 'reset the vpn PROFILE')).toBe(1);
    expect(similarity('Reset the VPN profile', 'Replaced the power supply unit')).toBeLessThan(0.2);
  });
});

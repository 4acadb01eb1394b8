import { describe, expect, test } from 'vitest';
import { defaultPolicy } from './default-policy';
import { perPolicy } from './per-policy';
import type { Policy } from './schema';

/** Another policy object with the same content. */
const another = (): Policy => ({ ...defaultPolicy });

describe('perPolicy', () => {
  test('derives once per policy object and hands back the same value after', () => {
    const seen: Policy[] = [];
    const derived = perPolicy((policy) => {
      seen.push(policy);
      return { name: policy.name };
    });
    const first = derived(defaultPolicy);
    expect(derived(defaultPolicy)).toBe(first);
    expect(seen).toEqual([defaultPolicy]);
  });

  test('keeps each policy’s value while callers switch between policies', () => {
    const other = another();
    let calls = 0;
    const derived = perPolicy((policy) => ({ policy, call: ++calls }));
    const a = derived(defaultPolicy);
    const b = derived(other);
    expect([derived(defaultPolicy), derived(other), derived(defaultPolicy)]).toEqual([a, b, a]);
    expect(derived(other)).toBe(b);
    expect(a.policy).toBe(defaultPolicy);
    expect(b.policy).toBe(other);
    expect(calls).toBe(2);
  });

  test('a policy equal in content is still another policy object', () => {
    const derived = perPolicy(() => ({}));
    expect(derived(another())).not.toBe(derived(another()));
  });
});

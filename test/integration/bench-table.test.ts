import { describe, expect, test } from 'vitest';
import { formatTable, formatValue } from '../bench/harness';

describe('the benchmark table', () => {
  test('prints a skipped measurement (NaN, or null after the trip from a child process) as a dash', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(NaN)).toBe('—');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(1.234)).toBe('1.23');
    const table = formatTable([{ benchmark: 'requests/s (postgres)', metric: 'skipped', value: null as unknown as number, unit: '' }]);
    expect(table).toMatch(/requests\/s \(postgres\)\s+skipped\s+—/);
  });
});

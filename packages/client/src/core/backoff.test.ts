import { describe, expect, it } from 'vitest';
import { backoffMs } from './retry.js';
import { retryAfterMs } from './retry.js';

describe('backoffMs', () => {
  const policy = { retryDelayMs: 100, maxRetryDelayMs: 1000 };

  it('doubles per retry and caps at maxRetryDelayMs', () => {
    expect([0, 1, 2, 3, 4, 10].map((retry) => backoffMs(retry, policy, () => 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('takes off up to a quarter at random', () => {
    expect(backoffMs(1, policy, () => 1)).toBe(150);
    expect(backoffMs(1, policy, () => 0.5)).toBe(175);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(2, policy)));
    expect(spread.size).toBeGreaterThan(1);
    for (const delay of spread) expect(delay).toBeGreaterThanOrEqual(300);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-18T16:45:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, and a past date as no wait', () => {
    expect(retryAfterMs('Sun, 18 Jan 2026 16:45:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 18 Jan 2026 16:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs('1.5', now)).toBeUndefined();
  });
});

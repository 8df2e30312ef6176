import { describe, expect, it } from 'vitest';
import { eventually, NeverHappenedError } from '../src/eventually.js';

describe('eventually', () => {
  it('resolves once the condition holds, checking it again until then', async () => {
    let checks = 0;
    await eventually('the third check', () => ++checks === 3, { intervalMs: 1 });
    expect(checks).toBe(3);
  });

  it('awaits an asynchronous condition', async () => {
    let checks = 0;
    await eventually('an async check', async () => Promise.resolve(++checks > 1), { intervalMs: 1 });
    expect(checks).toBe(2);
  });

  it('rejects naming what never happened once its hang guard passes', async () => {
    const error = await eventually('the port is free', () => false, { timeoutMs: 20, intervalMs: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeverHappenedError);
    expect((error as Error).message).toBe('the port is free: still not so after 0 s');
  });
});

// Small statistics helpers: medians and spreads of repeated rounds.

/** @param {number[]} values */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const at = (/** @type {number} */ i) => s[i] ?? Number.NaN;
  return s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * Half the distance between the 1st and 3rd quartile, relative to the median, in percent.
 * @param {number[]} values
 */
export function spreadPercent(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (/** @type {number} */ p) => s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))] ?? Number.NaN;
  const m = median(s);
  return m === 0 ? 0 : ((q(0.75) - q(0.25)) / 2 / m) * 100;
}

/** @type {Record<'int' | 'x' | 'kb' | 'ms' | 's' | 'pct', (n: number) => string>} */
export const fmt = {
  int: (n) => Math.round(n).toLocaleString('en-US'),
  x: (n) => `${n.toFixed(2)}x`,
  kb: (bytes) => `${(bytes / 1024).toFixed(2)} kB`,
  ms: (n) => `${n.toFixed(0)} ms`,
  s: (n) => `${(n / 1000).toFixed(2)} s`,
  pct: (n) => `±${n.toFixed(1)}%`,
};

/**
 * A copy of `items` in an order drawn from `seed` (Fisher-Yates with a small LCG): the same seed gives the same order,
 * so two runs of the bench shuffle alike.
 * @template T
 * @param {readonly T[]} items
 * @param {number} seed
 * @returns {T[]}
 */
export function shuffled(items, seed) {
  let state = Math.imul(seed, 2654435761) >>> 0;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = /** @type {[T, T]} */ ([out[j], out[i]]);
  }
  return out;
}

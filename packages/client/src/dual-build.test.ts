// The package ships an ES module build (dist/) and a CommonJS one (dist/cjs/), and a program may load both: an
// `import` in one file, a `require` in another (Jest, a CommonJS dependency). An error thrown by one copy must be an
// `instanceof` the same class of the other, or a `catch` that checks the class misses it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { example } from './testing/fixtures.js';
import { sendJson, startLoopback, TEST_TOKEN } from './testing/loopback.js';

type Client = typeof import('./index.js');
const esm = (await import(new URL('../dist/index.js', import.meta.url).href)) as Client;
const cjs = createRequire(import.meta.url)('../dist/cjs/index.js') as Client;

const ERROR_CLASSES = Object.keys(esm).filter((name) => name.endsWith('Error')) as Array<keyof Client>;

describe('the ES module and CommonJS builds in one process', () => {
  it('are two copies of every class (so the test below means something)', () => {
    expect(ERROR_CLASSES.length).toBeGreaterThanOrEqual(18);
    for (const name of ERROR_CLASSES) expect(cjs[name], name).not.toBe(esm[name]);
  });

  it.each([
    ['CommonJS', 'ES module', cjs, esm],
    ['ES module', 'CommonJS', esm, cjs],
  ] as const)("a %s client's NotFoundError is an instanceof the %s classes", async (_from, _to, thrower, checker) => {
    const api = await startLoopback((_req, res) => sendJson(res, 404, example('ErrorServerNotFound')));
    const error = await thrower.createVpsClient({ token: TEST_TOKEN, baseUrl: api.url }).servers.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(checker.NotFoundError);
    expect(error).toBeInstanceOf(checker.VpsApiError);
    expect(error).toBeInstanceOf(checker.VpsRequestError);
    expect(error).toBeInstanceOf(checker.VpsError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(checker.RateLimitError);
    expect(error).not.toBeInstanceOf(checker.VpsConnectionError);
    expect(error).not.toBeInstanceOf(checker.VpsConfigError);
  });

  it('every error class of one build matches only itself and its bases in the other', () => {
    const make = (ErrorClass: unknown) => Object.create((ErrorClass as { prototype: object }).prototype) as object;
    for (const thrown of ERROR_CLASSES) {
      for (const checked of ERROR_CLASSES) {
        const expected = make(esm[thrown]) instanceof (esm[checked] as never);
        expect(make(cjs[thrown]) instanceof (esm[checked] as never), `${thrown} instanceof ${checked}`).toBe(expected);
        expect(make(esm[thrown]) instanceof (cjs[checked] as never), `${thrown} instanceof ${checked}`).toBe(expected);
      }
    }
  });

  it('a class of your own that extends VpsError matches only its own instances', () => {
    class MyError extends esm.VpsError {}
    expect(new MyError('mine')).toBeInstanceOf(esm.VpsError);
    expect(new MyError('mine')).toBeInstanceOf(cjs.VpsError);
    expect(new esm.VpsError('theirs')).not.toBeInstanceOf(MyError);
    expect(new cjs.VpsError('theirs')).not.toBeInstanceOf(MyError);
    expect({}).not.toBeInstanceOf(esm.VpsError);
    expect((null as unknown) instanceof esm.VpsError).toBe(false);
  });
});

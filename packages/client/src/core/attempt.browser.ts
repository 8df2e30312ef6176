// What bundlers put in place of attempt.ts for a browser (the "browser" condition of package.json's `#attempt`
// import): a browser's fetch has no undici dispatcher to end a request through, so every attempt takes the path with
// a signal, and the Node-only code is not shipped to web pages.
import { signalledAttempt, type AttemptInit, type Outcome } from './signalled-attempt.js';

export type { AttemptInit, Outcome } from './signalled-attempt.js';

/** One attempt (see attempt.ts), with the attempt's own signal. */
export function attempt(request: AttemptInit): Promise<Outcome> {
  return signalledAttempt(request);
}

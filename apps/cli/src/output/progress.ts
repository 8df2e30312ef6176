// One self-rewriting status line on a terminal's stderr; nothing at all elsewhere (a pipe, a log, --json).
import type { OutputStream } from '../io.js';

export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progress(stream: OutputStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update() {}, done() {} };
  let shown = false;
  return {
    update(text) {
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

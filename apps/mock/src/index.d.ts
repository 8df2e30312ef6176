export interface StartMockOptions {
  /** Port to listen on. Omitted or 0: a free port is picked (and re-picked if another process takes it first). */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Generate responses from the schemas (Prism `--dynamic`) instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Prism `--errors`: a request or response that violates the spec gets an error response. Default true. */
  errors?: boolean;
  /** Path (or http(s) URL) of the OpenAPI document. Default: the `@vps-org/openapi` bundle. */
  spec?: string;
  /** How long to wait for "Prism is listening", in milliseconds. Default 60000. */
  readyTimeout?: number;
  /** Aborts a start in progress: Prism is killed and startMock rejects with code `ABORTED`. */
  signal?: AbortSignal;
  /** Every line Prism prints (stdout and stderr, colours stripped), e.g. to forward its request log. */
  onOutput?: (line: string) => void;
}

export interface MockExit {
  code: number | null;
  signal: string | null;
  /** Prism's last meaningful output lines. */
  output: string[];
}

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` (paths start with `/api/v1/`). */
  url: string;
  host: string;
  port: number;
  /** Pid of the Prism process, which leads its own process group. */
  pid: number;
  /** Settles when Prism exits, whether through stop() or not. */
  exited: Promise<MockExit>;
  /**
   * Stops Prism: SIGTERM to its whole process group, SIGKILL after a grace period. Resolves when no process of the
   * group is left. Idempotent: every call returns the same promise.
   */
  stop(): Promise<void>;
}

export class MockStartError extends Error {
  constructor(message: string, details: { code: MockStartError['code']; output: string[] });
  /** EADDRINUSE: the port is taken; EXITED: Prism exited before it was ready; TIMEOUT; ABORTED: `signal` fired. */
  code: 'EADDRINUSE' | 'EXITED' | 'TIMEOUT' | 'ABORTED';
  /** Prism's last meaningful output lines (also in the message). */
  output: string[];
}

/** Starts Prism on the spec and resolves once it listens; rejects with a MockStartError if it cannot. */
export function startMock(options?: StartMockOptions): Promise<MockServer>;

/** Absolute path of the bundled spec (`@vps-org/openapi/openapi.yaml`) the mock serves by default. */
export function defaultSpecPath(): string;

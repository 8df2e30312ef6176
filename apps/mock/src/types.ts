// The public types of startMock and createFake: what a consumer passes and gets back. The published index.d.ts is
// generated from these and the code's own signatures (tsc declarations, bundled by the build).

export interface ViolationReport {
  method: string;
  /** The request's path and query. */
  path: string;
  /** The status Prism answered with (500 when the answer violated the spec). */
  status: number;
  /** Prism's findings, as its `validation` list or `sl-violations` header gives them. */
  violations: unknown[];
}

export interface StartMockOptions {
  /**
   * Serve the stateful fake (what you create, you can read back, change and delete) behind Prism's validating proxy,
   * instead of the spec's static examples. Default false.
   */
  stateful?: boolean;
  /** Stateful mode: how long provisioning, starting, stopping and rebooting take, in ms. Default 2000. */
  transitionMs?: number;
  /** Milliseconds added before every answer, in both modes, to measure against a remote-like API. Default 0. */
  latencyMs?: number;
  /** Stateful mode: serve this handler instead of the built-in fake (it is still validated by Prism both ways). */
  handler?: (request: Request) => Promise<Response>;
  /**
   * Stateful mode: what the fake starts with, per token, in the format `GET /_mock/state` answers (the `Seed` schema
   * of the /_mock/ routes' OpenAPI document). A seed that does not fit throws a `SeedError` naming the field.
   */
  seed?: unknown;
  /**
   * Called when Prism exited by itself and was started again (the fake keeps its state). Default: one line on stderr.
   */
  onRestart?: (report: RestartReport) => void;
  /**
   * Called when Prism reports that an answer violates the spec (a bug in the fake). Default: a line on stderr.
   * Every report is also kept in `MockServer.violations`.
   */
  onViolation?: (report: ViolationReport) => void;
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
  /** How long to wait for "Prism is listening", in milliseconds. Default 180000. */
  readyTimeout?: number;
  /** Aborts a start in progress: Prism is killed and startMock rejects with code `ABORTED`. */
  signal?: AbortSignal;
  /** Every line Prism prints (stdout and stderr, colours stripped), e.g. to forward its request log. */
  onOutput?: (line: string) => void;
}

export interface RestartReport {
  /** How the previous Prism ended. */
  code: number | null;
  signal: string | null;
  /** Its last meaningful output lines. */
  output: string[];
  /** The new Prism's port. */
  port: number;
  /** How many times Prism has been restarted so far. */
  restarts: number;
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
  /** Pid of the current Prism process, which leads its own process group (a new one after a restart). */
  readonly pid: number;
  /** The current Prism, behind the front (for debugging; clients use `url`). */
  readonly prismUrl: string;
  /** How many times Prism exited by itself and was started again. */
  readonly restarts: number;
  stateful: boolean;
  /** Every answer Prism found in violation of the spec so far; empty unless the fake has a bug. */
  violations: ViolationReport[];
  /**
   * Settles when the mock ends: after stop(), or when Prism exited by itself and could not be started again (its last
   * exit). A Prism that exits by itself is otherwise restarted, and this does not settle.
   */
  exited: Promise<MockExit>;
  /**
   * Stops Prism: SIGTERM to its whole process group, SIGKILL after a grace period. Resolves when no process of the
   * group is left. Idempotent: every call returns the same promise.
   */
  stop(): Promise<void>;
}

export interface Fake {
  /** The fake as a fetch: `createVpsClient({ fetch: fake.handler, baseUrl: 'http://fake' })`. */
  handler: (request: Request) => Promise<Response>;
}

/** The base of every error the client throws: `catch (e) { if (e instanceof VpsError) ... }` catches them all. */
export class VpsError extends Error {
  override name = 'VpsError';
}

/** An error about one request, named by its method and path (`/api/v1/servers/42/`, without the query). */
export class VpsRequestError extends VpsError {
  override name = 'VpsRequestError';
  readonly method: string;
  readonly path: string;

  constructor(message: string, request: { method: string; path: string }, options?: ErrorOptions) {
    super(message, options);
    this.method = request.method;
    this.path = request.path;
  }
}

/**
 * An option of `createVpsClient`, of a call or of a waiter is missing or out of range. `option` names it; the
 * message describes the expected shape and never repeats a token.
 */
export class VpsConfigError extends VpsError {
  override name = 'VpsConfigError';
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * A path parameter that cannot name a resource (empty, `.`, `..`, not an integer, not matching the spec's pattern):
 * thrown before anything is sent, so a bad id never reaches another path.
 */
export class VpsParameterError extends VpsError {
  override name = 'VpsParameterError';
  /** The argument, as the method names it (`serverId`). */
  readonly parameter: string;

  constructor(parameter: string, expected: string, value: unknown) {
    super(`\`${parameter}\` must be ${expected}; got ${describeValue(value)}`);
    this.parameter = parameter;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number' || value === null || value === undefined) return String(value);
  return `a value of type ${typeof value}`;
}

/**
 * Where each error class keeps the names of its class and of the classes it extends. A program can load this package
 * twice, its ES module and its CommonJS build (an `import` in one file, a `require` in another): `Symbol.for` gives
 * both copies the same key, so an error of one copy is an `instanceof` the same class of the other.
 */
const KINDS = Symbol.for('@vps-org/client.errorKinds');

type Branded = { [KINDS]?: readonly string[] };

/** Marks `ErrorClass` as the error kind `name`, under the kinds of the class it extends (in a `static {}` block). */
export function brand(ErrorClass: abstract new (...args: never[]) => Error, name: string): void {
  const prototype = ErrorClass.prototype as Branded;
  Object.defineProperty(prototype, KINDS, { value: [...(prototype[KINDS] ?? []), name] });
}

/** The base of every error the client throws: `catch (e) { if (e instanceof VpsError) ... }` catches them all. */
export class VpsError extends Error {
  static {
    brand(this, 'VpsError');
  }

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    // The class's own name (`NotFoundError`), from its brand: the same string in both builds, and no field per class.
    this.name = (new.target.prototype as Branded)[KINDS]?.at(-1) as string;
  }

  /** `instanceof` by prototype, or else by the kinds of the same class from the package's other build. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as Branded | null)?.[KINDS];
    return (
      Function.prototype[Symbol.hasInstance].call(this, value) ||
      (Object.hasOwn(this.prototype, KINDS) && Array.isArray(kinds) && kinds.includes((this.prototype as Branded)[KINDS]?.at(-1)))
    );
  }
}

/** An error about one request, named by its method and path (`/api/v1/servers/42/`, without the query). */
export class VpsRequestError extends VpsError {
  static {
    brand(this, 'VpsRequestError');
  }
  declare readonly method: string;
  declare readonly path: string;

  constructor(message: string, request: { method: string; path: string }, options?: { cause?: unknown }) {
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
  static {
    brand(this, 'VpsConfigError');
  }
  declare readonly option: string;

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
  static {
    brand(this, 'VpsParameterError');
  }
  /** The argument, as the method names it (`serverId`). */
  declare readonly parameter: string;

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

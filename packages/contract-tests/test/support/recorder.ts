// A fetch to inject into the client: it sends through the real global fetch, and checks every response the client
// receives against the spec (the operation from method + path, the status documented for it, the body against the
// schema of that operation and status, with Ajv 2020 and formats). What it saw is what the coverage test counts.
import { resolve } from '@vps-org/openapi';
import { matchOperation, spec, validator } from './spec.js';

export interface Recording {
  /** Which client (or test) sent it, e.g. `resources` or `http`. */
  channel: string;
  method: string;
  url: string;
  pathname: string;
  operationId: string | undefined;
  status: number;
  /** Whether the request that went out had an Authorization header. */
  authorization: string | null;
  prefer: string | null;
  requestBody: string;
  contentType: string | null;
  body: string;
  /** Prism's `sl-violations` header, parsed: why it found the request invalid. */
  violations: Array<{ location: Array<string | number>; code: string | number; message: string }>;
  /** Everything wrong with the response against the spec; empty when it conforms. */
  problems: string[];
}

type FetchLike = (request: Request) => Promise<Response>;

/** What is wrong with a response of `method pathname` with `status` and body `text`, against the spec. */
export function checkResponse(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  text: string,
): { operationId: string | undefined; problems: string[] } {
  const match = matchOperation(method, pathname);
  if (!match) return { operationId: undefined, problems: [`no operation of the spec is ${method} ${pathname}`] };
  const { op } = match;
  const response = resolve(spec, op.raw.responses?.[String(status)]);
  if (!response) {
    return {
      operationId: op.operationId,
      problems: [`${op.operationId} answered ${status}, which the spec does not document (it documents ${op.statuses.join(', ')})`],
    };
  }
  const media = response.content?.['application/json'];
  if (!response.content) {
    return { operationId: op.operationId, problems: text === '' ? [] : [`${op.operationId} ${status} documents no body but got ${JSON.stringify(text.slice(0, 200))}`] };
  }
  if (!media) return { operationId: op.operationId, problems: [`${op.operationId} ${status} documents no application/json body`] };
  const problems: string[] = [];
  if (!contentType || !/^application\/json\b/.test(contentType)) {
    problems.push(`${op.operationId} ${status}: content-type is ${contentType}, the spec says application/json`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`${op.operationId} ${status}: the body is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
    return { operationId: op.operationId, problems };
  }
  const validate = validator.response(op.operationId, status);
  if (!validate) {
    problems.push(`${op.operationId} ${status}: no schema to validate the body against`);
  } else if (!validate(body)) {
    for (const e of validate.errors ?? []) {
      problems.push(`${op.operationId} ${status}: body${e.instancePath} ${e.message} (${e.schemaPath})`);
    }
  }
  return { operationId: op.operationId, problems };
}

export class Recorder {
  readonly recordings: Recording[] = [];

  /** A fetch for `createVpsClient({ fetch })` whose requests are recorded under `channel`. */
  fetch(channel: string): FetchLike {
    return async (request: Request) => {
      const requestBody = request.body ? await request.clone().text() : '';
      const { method, url } = request;
      const authorization = request.headers.get('authorization');
      const prefer = request.headers.get('prefer');
      const response = await globalThis.fetch(request);
      const text = await response.clone().text();
      const pathname = new URL(url).pathname;
      const contentType = response.headers.get('content-type');
      const { operationId, problems } = checkResponse(method, pathname, response.status, contentType, text);
      this.recordings.push({
        channel,
        method,
        url,
        pathname,
        operationId,
        status: response.status,
        authorization,
        prefer,
        requestBody,
        contentType,
        body: text,
        violations: parseViolations(response.headers.get('sl-violations')),
        problems,
      });
      return response;
    };
  }

  /** The recordings of one channel since `from` (an index into `recordings`). */
  since(from: number, channel?: string): Recording[] {
    return this.recordings.slice(from).filter((r) => channel === undefined || r.channel === channel);
  }

  /** Every problem found, one line per response, for an assertion that prints them. */
  problems(): string[] {
    return this.recordings.flatMap((r) => r.problems.map((p) => `[${r.channel}] ${r.method} ${r.pathname} -> ${p}`));
  }
}

function parseViolations(header: string | null): Recording['violations'] {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header) as unknown;
    return Array.isArray(parsed) ? (parsed as Recording['violations']) : [];
  } catch {
    return [{ location: [], code: 'unparsed', message: header }];
  }
}

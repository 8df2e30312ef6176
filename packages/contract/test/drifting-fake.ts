import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRouter, listOperations, loadSpec, namedExamples } from '@vps-org/openapi';

export type Edit = (operationId: string, body: unknown, url: URL) => { status?: number; body: unknown } | undefined;

/**
 * A small API on loopback that answers every GET with the spec's own 200 example, except where `edit` makes it
 * drift. Started on a free port; `requests` lists what it was asked.
 */
export async function startDriftingFake(edit: Edit = () => undefined): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const spec = loadSpec();
  const router = createRouter(listOperations(spec));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.test');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const op = router.match(req.method ?? 'GET', url.pathname)?.op;
    if (!op || op.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    const example = structuredClone(Object.values(namedExamples(spec, op, 200))[0]);
    const answer = edit(op.operationId, example, url) ?? { body: example };
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

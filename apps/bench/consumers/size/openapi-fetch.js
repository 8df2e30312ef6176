// The same call with bare openapi-fetch (no retries, errors or resource layer).
import createClient from 'openapi-fetch';

/** @type {import('openapi-fetch').Client<import('@vps-org/client').paths>} */
const client = createClient({ baseUrl: 'https://admin.vps.org', headers: { Authorization: 'Bearer vps_example' } });
export const run = () => client.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 12345 } } });

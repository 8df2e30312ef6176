// The same call with axios.
import axios from 'axios';

const client = axios.create({ baseURL: 'https://admin.vps.org', headers: { Authorization: 'Bearer vps_example' } });
export const run = () => client.get('/api/v1/servers/12345/');

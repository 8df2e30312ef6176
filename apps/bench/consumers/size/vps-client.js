// What a web app ships to make one call with our client.
import { createVpsClient } from '@vps-org/client';

const vps = createVpsClient({ token: 'vps_example' });
export const run = () => vps.servers.get(12345);

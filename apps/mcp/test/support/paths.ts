import { fileURLToPath } from 'node:url';

/** The built `vps-mcp` binary, as people run it. */
export const BIN = fileURLToPath(new URL('../../dist/bin/vps-mcp.js', import.meta.url));

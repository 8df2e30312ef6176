// Rewrites the tool table of the package's README from the toolset (`pnpm --filter @vps-org/mcp tool-table`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withToolTable } from '../tool-table.js';
import { allTools } from '../toolset.js';

const readme = new URL('../../README.md', import.meta.url);
writeFileSync(readme, withToolTable(readFileSync(readme, 'utf8'), allTools()));
process.stderr.write(`${readme.pathname}: tool table written\n`);

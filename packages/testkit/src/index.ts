export { extractCurlCommands, parseCurl, type CurlCommand, type CurlRequest } from './curl.js';
export { shellWords, ShellSyntaxError } from './shell.js';
export { jsonBlocks, seedFixture, type SeedFixture } from './seeds.js';
export { eventually, NeverHappenedError, type EventuallyOptions } from './eventually.js';

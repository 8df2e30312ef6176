// Empties dist/ before a build, so a source file that was deleted leaves no stale module behind.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

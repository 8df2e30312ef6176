// Preloaded (`node --import`) into the `redocly build-docs` process: patches the translate stub of the chunk that
// prerenders the page (see labels-patch.js) and sets the dictionary it reads from VPS_REDOC_LABELS (JSON).
import { register } from 'node:module';
import { LABELS_GLOBAL } from './labels-patch.js';

/** @type {Record<string, unknown>} */ (globalThis)[LABELS_GLOBAL] = JSON.parse(process.env.VPS_REDOC_LABELS ?? '{}');
register(new URL('./labels-loader.mjs', import.meta.url));

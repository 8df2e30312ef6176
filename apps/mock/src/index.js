// @vps-org/mock: the VPS.org API mock (Prism 5 on the bundled spec), for tests and other teams' CI. Its types are
// index.d.ts, checked against the implementation by public-types.check.ts under `pnpm lint`.
export * from './exports.js';

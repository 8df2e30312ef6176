export { runCli, buildProgram } from './run-cli.js';
export type { CliIo, OutputStream } from './io.js';
// The zone-file and planning library lives in @vps-org/dns; these names stay here for code that imported them.
export { parseZoneFile, parseTtl, type ParsedZoneFile, type ParseOptions } from '@vps-org/dns';
export { ZoneFileError, writeZoneFile, planChanges, type Plan, type RecordChange } from '@vps-org/dns';
export { applyPlan, type ApplyReport, type ZoneWriter } from '@vps-org/dns';
export { RECORD_TYPES, type ZoneRecord, type CurrentRecord, type FileRecord } from '@vps-org/dns';

export { runCli, buildProgram } from './run-cli.js';
export type { CliIo, OutputStream } from './io.js';
export { parseZoneFile, parseTtl, type ParsedZoneFile, type ParseOptions } from './dns/zonefile/parse-zone-file.js';
export { ZoneFileError } from './dns/zonefile/zone-file-error.js';
export { writeZoneFile } from './dns/zonefile/write-zone-file.js';
export { planChanges, type Plan, type RecordChange } from './dns/plan.js';
export { applyPlan, type ApplyReport, type ZoneWriter } from './dns/apply-plan.js';
export { RECORD_TYPES, type ZoneRecord, type CurrentRecord, type FileRecord } from './dns/records.js';

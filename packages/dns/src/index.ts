// @vps-org/dns: BIND zone files and the VPS.org DNS API, as the CLI and the MCP server both use them.
export { DnsError, ZoneNotFoundError } from './errors.js';
export { RECORD_TYPES, isRecordType, recordKey, canonicalValue, stripDot } from './records.js';
export type { RecordType, ZoneRecord, CurrentRecord, FileRecord } from './records.js';
export { parseZoneFile, parseTtl, type ParsedZoneFile, type ParseOptions } from './zonefile/parse-zone-file.js';
export { ZoneFileError } from './zonefile/zone-file-error.js';
export { writeZoneFile, recordLine, rdataText } from './zonefile/write-zone-file.js';
export { planChanges, planSize, type Plan, type RecordChange } from './plan.js';
export { planLines, planSummary, planJson, apiFields } from './format-plan.js';
export { applyPlan, type ApplyReport, type ApplyOptions, type Step, type ZoneWriter } from './apply-plan.js';
export { clientWriter } from './zone-writer.js';
export { RATE_LIMIT_DEFAULTS, retryRateLimited, type RateLimitPolicy } from './rate-limit.js';
export { currentState, fromApi, type ZoneState } from './zone-state.js';
export { findZone, isDomain, type ZoneId } from './zone-ref.js';
export { isProviderRecord, isProviderNameserver } from './provider-records.js';

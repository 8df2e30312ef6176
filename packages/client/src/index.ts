export { createVpsClient, VpsClient } from './vps-client.js';
export { CLIENT_DEFAULTS, type FetchFn, type RequestOptions, type TokenSource, type VpsClientOptions } from './core/options.js';
export type { AttemptEvent, ErrorEvent, Hooks, Logger, LogLevel, OnError, OnRequest, OnResponse, ResponseEvent } from './core/hooks.js';
export type { VpsPromise, WithResponse } from './core/api-promise.js';
export type { HttpInit, VpsHttp } from './core/raw-http.js';
export { ServersResource } from './resources/servers.generated.js';
export { DnsZonesResource } from './resources/dns-zones.generated.js';
export { DnsRecordsResource } from './resources/dns-records.generated.js';
export { MAX_PAGES, VpsPaginationError, type Page } from './pagination/paginate.js';
export * from './pagination/list-all.generated.js';
export { VpsWaiterError, WAIT_DEFAULTS, waitForServer, type WaitForOptions } from './waiters/wait-for-server.js';
export { VpsConfigError, VpsError, VpsParameterError, VpsRequestError } from './core/errors/vps-error.js';
export {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  VpsApiError,
  type VpsApiErrorInit,
} from './core/errors/api-errors.js';
export { VpsConnectionError, VpsInvalidResponseError, VpsRedirectError, VpsTimeoutError } from './core/errors/transport-errors.js';
export type * from './generated/models.js';
export type { components, operations, paths } from './generated/openapi.js';

export { createVpsClient, VpsClient } from './client/vps-client.js';
export { CLIENT_DEFAULTS, type RequestOptions, type VpsClientOptions } from './client/options.js';
export type { VpsHttp } from './resources/core.js';
export { Servers } from './resources/servers.js';
export { DnsRecordsResource, DnsZonesResource, ServersResource } from './generated/resources.js';
export { WAIT_DEFAULTS, type WaitForOptions } from './waiters/wait-for-server.js';
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
} from './errors/api-errors.js';
export { VpsConnectionError, VpsTimeoutError } from './errors/connection-errors.js';
export type * from './generated/models.js';
export type { components, operations, paths } from './generated/openapi.js';

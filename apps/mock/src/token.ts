// The bearer token rule, shared by the front (both modes) and the fake: the vendor's tokens start with `vps_`, so
// what a CI script sends when its variable is unset (`Bearer undefined`, `Bearer null`, `Bearer ${VPS_API_TOKEN}`,
// `Bearer `) is refused with the API's 401 rather than served as an account of its own.
const BEARER = /^Bearer[ \t]+(vps_[!-~]+)[ \t]*$/i;

/** The token of an `Authorization` header value, or undefined when it carries no valid bearer token. */
export function bearerToken(header: string | null | undefined) {
  return BEARER.exec(header ?? '')?.[1];
}

// What bundlers put in place of runtime.ts for a browser (package.json's "browser" field): a browser does not let a
// page set User-Agent, so there is no runtime to name.
export function runtime(): string {
  return '';
}

// What bundlers put in place of runtime.ts for a browser (the "browser" condition of package.json's `#runtime`
// import): a browser does not let a page set User-Agent, so there is no runtime to name.
export function runtime(): string {
  return '';
}

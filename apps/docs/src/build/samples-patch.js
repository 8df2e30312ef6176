// Redoc 3.0.1 shows an operation's x-codeSamples by language only: picking another request example (the MX record
// of createDnsZoneRecord) changes the JSON body but leaves the cURL, TypeScript, Python and PHP samples on the
// first example. Two exact edits of the browser bundle make it choose by example too: the samples keep their
// `x-example`, and the sample shown is the one of the active example's key, else the one without `x-example`.
// Each edit must apply exactly once, or the build stops naming it (a Redoc upgrade has to be re-checked).

/** @type {Array<[string, string, string]>} what, Redoc's code, the patched code */
const EDITS = [
  ['the x-codeSamples mapping',
    'd=e[`x-codeSamples`]?.map(({lang:e,label:t,source:n})=>({lang:e,label:t,source:n}))',
    'd=e[`x-codeSamples`]?.map(({lang:e,label:t,source:n,"x-example":x})=>({lang:e,label:t,source:n,example:x}))'],
  ['the sample chosen for the active language',
    'let e=O?.find(e=>Dj(e)===ee);return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n])',
    'let e=O?.find(e=>Dj(e)===ee&&ne!==void 0&&e.example===ne)??O?.find(e=>Dj(e)===ee&&!e.example);'
      + 'return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n,ne])'],
];

/**
 * The browser bundle with both edits applied.
 * @param {string} source
 */
export function patchSamplesByExample(source) {
  let out = source;
  for (const [what, from, to] of EDITS) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`The Redoc bundle has ${count} copies of ${what} (expected 1): re-check samples-patch.js against this Redoc version`);
    out = out.replace(from, () => to);
  }
  return out;
}

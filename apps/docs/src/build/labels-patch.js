// Redoc's own labels in the page's language. Redoc 3.0.1 asks a translate(key, default) hook for most of its labels
// ("Responses", "required", "Copy"...), but the hook @redocly/cli bundles is a stub that returns the English
// default. The same stub is in the server-side chunk that prerenders the page and in the browser bundle that
// hydrates it, so both are patched the same way (identical markup on both sides, no hydration mismatch) to read a
// dictionary from a global first: LABELS_GLOBAL, set before Redoc runs.

export const LABELS_GLOBAL = '__VPS_REDOC_LABELS';

// `translate:(e,t)=>(typeof t=="string"?t:t?.defaultValue)||e||""` in either quote style (the two builds differ).
const STUB = /translate:\((\w+),(\w+)\)=>\(typeof \2==(["`])string\3\?\2:\2\?\.defaultValue\)\|\|\1\|\|(["`])\4/g;

/**
 * The source of a Redoc build with its translate stub reading `globalThis[LABELS_GLOBAL]`: a key maps to a label,
 * or to `{ [English default]: label }` where Redoc uses one key for several texts. Fails unless exactly one stub is
 * found, so a Redoc upgrade that moves it stops the build instead of shipping English labels.
 * @param {string} source
 * @param {string} what  which build, for the error
 */
export function patchTranslateStub(source, what) {
  const count = [...source.matchAll(STUB)].length;
  if (count !== 1) throw new Error(`${what} has ${count} Redoc translate stubs (expected 1): re-check labels-patch.js against this Redoc version`);
  return source.replace(STUB, (_all, key, opts, q) => {
    const fallback = `(typeof ${opts}==${q}string${q}?${opts}:${opts}?.defaultValue)||${key}||${q}${q}`;
    return `translate:(${key},${opts})=>{const d=${fallback},L=globalThis.${LABELS_GLOBAL},v=L&&Object.prototype.hasOwnProperty.call(L,${key})?L[${key}]:void 0;`
      + `return typeof v==${q}string${q}?v:v&&typeof v[d]==${q}string${q}?v[d]:d}`;
  });
}

// Spec constructs Redoc renders wrongly. They are the spec's to fix (the docs never patch the spec), so the build
// names them and stops rather than publishing a misleading page.

/**
 * JSON pointers of schemas with a `const` but no `type`: Redoc shows their type as "any".
 * @param {unknown} node
 * @param {string} [pointer]
 * @returns {string[]}
 */
export function untypedConsts(node, pointer = '#') {
  if (!node || typeof node !== 'object') return [];
  const here = !Array.isArray(node) && 'const' in node && !('type' in node) && typeof node.const !== 'object' ? [pointer] : [];
  return here.concat(
    Object.entries(node).flatMap(([k, v]) => /** @type {string[]} */ (untypedConsts(v, `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`))),
  );
}

/**
 * Throws with every problem found in the bundle.
 * @param {unknown} bundle
 */
export function checkRenderable(bundle) {
  const consts = untypedConsts(bundle);
  if (consts.length) {
    throw new Error(`The spec has a const without a type (Redoc would show "any"); add the type in the spec:\n  ${consts.join('\n  ')}`);
  }
}

// The anchors Redoc 3 (as bundled by @redocly/cli 2.77) gives operations: a hash route of the tag's slug and the
// lowercased operationId, e.g. `#/dns-zones/creatednszonerecord` (not Redoc 2's `#tag/.../operation/...`).

/** @param {{ tag: string, operationId: string }} op */
export function operationAnchor(op) {
  const tag = op.tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `#/${tag}/${op.operationId.toLowerCase()}`;
}

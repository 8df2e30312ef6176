// The post-render pass for the labels Redoc writes without a translation key ("Enum:", "Array of objects",
// "[ 1 .. 253 ] characters", "string or null", aria-labels such as "link to name"). The spec's label dictionary
// lists them as templates (`Array of {type}` -> `{type} 배열`); the page gets them as full-match rules and a few
// lines of script rewrite matching text nodes and attributes as Redoc renders them. A node Redoc prerendered is
// left alone until React has hydrated it (a changed text would not match React's and make it re-render the page).

/**
 * Template rules: a full-match RegExp source for the English template and its replacement (`$1`...).
 * @param {Record<string, string>} texts  English template -> translation, placeholders `{name}`
 * @returns {Array<[string, string]>}
 */
export function textRules(texts) {
  return Object.entries(texts).map(([english, translated]) => {
    /** @type {string[]} */
    const names = [];
    const source = english.split(/(\{\w+\})/).map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '(.*?)';
    }).join('');
    const replacement = translated.replace(/\{(\w+)\}/g, (all, name) => {
      const i = names.indexOf(name);
      if (i < 0) throw new Error(`The label ${JSON.stringify(translated)} uses {${name}}, which its English ${JSON.stringify(english)} does not have`);
      return `$${i + 1}`;
    });
    return /** @type {[string, string]} */ ([`^${source}$`, replacement]);
  });
}

/**
 * Applies the rules to one string (what the page's script does to each text node), repeatedly, so nested
 * templates ("Array of {type}" around "{type} or null") both apply. Exported for tests.
 * @param {string} text
 * @param {Array<[string, string]>} rules
 */
export function applyTextRules(text, rules) {
  let out = text;
  for (let round = 0; round < 4; round++) {
    const before = out;
    for (const [source, replacement] of rules) out = out.replace(new RegExp(source), replacement);
    if (out === before) break;
  }
  return out;
}

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

/**
 * The inline script of the pass. It runs before Redoc; `rules` come from textRules().
 * @param {Array<[string, string]>} rules
 */
export function labelsPassScript(rules) {
  if (rules.length === 0) return '';
  return `<script>
    (function () {
      var rules = ${JSON.stringify(rules).replace(/</g, '\\u003c')}.map(function (r) { return [new RegExp(r[0]), r[1]]; });
      var attributes = ${JSON.stringify(ATTRIBUTES)};
      function tr(text) {
        var out = text;
        for (var round = 0; round < 4; round++) {
          var before = out;
          for (var i = 0; i < rules.length; i++) out = out.replace(rules[i][0], rules[i][1]);
          if (out === before) break;
        }
        return out;
      }
      // React marks the nodes it owns (__reactFiber$...); a prerendered node without the mark is not hydrated yet.
      function hydrated(el) {
        for (var k in el) if (k.indexOf('__reactFiber$') === 0) return true;
        return false;
      }
      function fixText(node) {
        var el = node.parentElement;
        if (!el || el.closest('pre, code, script, style') || !hydrated(el)) return;
        var v = node.nodeValue, t = v.trim();
        if (!t) return;
        var r = tr(t);
        if (r !== t) node.nodeValue = v.replace(t, r);
      }
      function fixAttributes(el) {
        for (var i = 0; i < attributes.length; i++) {
          var v = el.getAttribute(attributes[i]);
          if (v) { var r = tr(v); if (r !== v) el.setAttribute(attributes[i], r); }
        }
      }
      function walk(root) {
        if (root.nodeType === 3) return fixText(root);
        if (root.nodeType !== 1) return;
        fixAttributes(root);
        var w = document.createTreeWalker(root, 5);
        for (var n = w.nextNode(); n; n = w.nextNode()) n.nodeType === 3 ? fixText(n) : fixAttributes(n);
      }
      var container = document.getElementById('redoc');
      var pending = false;
      // Prerendered nodes are hydrated some time after Redoc starts: re-walk (batched) whenever React changes the page.
      var observer = new MutationObserver(function (records) {
        for (var i = 0; i < records.length; i++) {
          var rec = records[i];
          if (rec.type === 'characterData') fixText(rec.target);
          else if (rec.type === 'attributes') fixAttributes(rec.target);
          else for (var j = 0; j < rec.addedNodes.length; j++) walk(rec.addedNodes[j]);
        }
        if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; walk(container); }); }
      });
      observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attributes });
      walk(container);
    })();
  </script>`;
}

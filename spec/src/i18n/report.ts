// Plain-text reports of the completeness check and the YAML skeleton of what is left to translate.
import { stringify } from 'yaml';
import { skeletonActions, type Problem } from './locale.js';

const LABEL: Record<Problem['kind'], string> = {
  missing: 'missing  ',
  changed: 'stale    ',
  gone: 'stale    ',
  'not-text': 'not text ',
};

const clip = (text: unknown, max = 90) => {
  const s = typeof text === 'string' ? text : JSON.stringify(text);
  const flat = (s ?? '').replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
};

/** One line per problem: what is wrong, the JSON Pointer, and the English (or the line of the stale translation). */
export function formatProblems(locale: string, file: string, problems: Problem[]): string {
  const lines = problems.map((p) => {
    switch (p.kind) {
      case 'missing':
        return `  ${LABEL[p.kind]}${p.pointer}  English: ${clip(p.english)}`;
      case 'changed':
        return `  ${LABEL[p.kind]}${p.pointer}  (${file}:${p.line}) the English changed from ${clip(p.source, 60)} to ${clip(p.english, 60)}`;
      case 'gone':
        return `  ${LABEL[p.kind]}${p.pointer}  (${file}:${p.line}) the spec no longer has this string: remove the translation`;
      case 'not-text':
        return `  ${LABEL[p.kind]}${p.pointer}  (${file}:${p.line}) the translation is ${clip(p.translation)}, not a string`;
    }
  });
  const count = (kinds: Problem['kind'][]) => problems.filter((p) => kinds.includes(p.kind)).length;
  return [
    `${locale}: ${count(['missing'])} missing, ${count(['changed', 'gone'])} stale, ${count(['not-text'])} not text, in ${file}:`,
    ...lines,
  ].join('\n');
}

/** The overlay actions still to translate, as YAML to paste under `actions:` (English in x-source, update empty). */
export function formatSkeleton(spec: unknown, problems: Problem[]): string {
  const actions = skeletonActions(spec, problems);
  if (actions.length === 0) return '';
  return stringify(actions, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

export { applyOverlay, OverlayError, parseOverlay, type Overlay, type OverlayAction, type OverlayFile, type OverlayResult } from './overlay.js';
export { fromPointer, JsonPathError, nodeAt, parseJsonPath, toJsonPath, toPointer, type Segments } from './paths.js';
export { translatableStrings, type SourceString } from './strings.js';
export {
  assertLocale,
  checkLocale,
  loadLocale,
  localePath,
  LOCALES,
  LOCALES_DIR,
  overlayDocument,
  skeletonActions,
  translateSpec,
  translations,
  UnknownLocaleError,
  type Locale,
  type Problem,
  type ProblemKind,
  type Translation,
} from './locale.js';
export { formatProblems, formatSkeleton } from './report.js';
export { checkUiLabels, readUiLabels, uiLabels, uiLabelsPath, UiLabelsError, type UiDictionary, type UiLabel, type UiLabels } from './ui.js';
export { checkGlossary, frenchTypography, glossaryPath, proseOf, readGlossary, type GlossaryTerm } from './glossary.js';

export { diffSpecs, type Side, type SpecChange } from './diff/diff.js';

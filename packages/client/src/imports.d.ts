// The package's `imports`: modules with a Node build and a browser build (package.json picks one per condition).
declare module '#attempt' {
  export const attempt: typeof import('./core/attempt.js').attempt;
}
declare module '#runtime' {
  export const runtime: typeof import('./core/runtime.js').runtime;
}

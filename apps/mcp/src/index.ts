export { createApp, VERSION, type App, type AppOptions } from './app.js';
export { serveHttp, MCP_PATH, type HttpServer } from './http.js';
export { createSession, SERVER_NAME, type SessionOptions } from './server.js';
export { allTools, createToolset, ToolsetError, type ToolsetOptions } from './toolset.js';
export type { ToolContext, ToolOutcome, VpsTool } from './tools/tool.js';
export { CONFIRMATION_TOKEN } from './confirmations.js';
export { toolTable, withToolTable } from './tool-table.js';

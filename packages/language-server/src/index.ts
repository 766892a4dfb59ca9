export { GreenlightServer, type ServerOptions, type Snapshot } from './server.js';
export * from './protocol.js';
export { normalizeSettings } from './settings.js';
export { matchesTemplateGlobs } from './detect.js';

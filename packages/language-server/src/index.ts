export { GreenlightServer, type ServerOptions, type Snapshot } from './server.js';
export * from './protocol.js';
export { normalizeSettings } from './settings.js';
export { looksLikeTemplates, matchesTemplateGlobs } from './detect.js';

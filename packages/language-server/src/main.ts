/**
 * Entry point: `greenlight-language-server --stdio` or `--node-ipc` (the transport is read from the
 * command line by vscode-languageserver). The VS Code extension bundles this file with esbuild.
 */
import { builtinRules, presets } from '@greenlight/rules';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { GreenlightServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
// A defect must cost one answer, not the editor's linting for the session.
process.on('uncaughtException', (e) => connection.console.error(`greenlight: uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`greenlight: unhandled rejection: ${String(e)}`));
new GreenlightServer(connection, { rules: builtinRules, presets });
connection.listen();

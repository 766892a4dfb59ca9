#!/usr/bin/env node
// Internal packages ship as TypeScript source; tsx compiles them on the fly. The VS Code extension
// bundles src/main.ts with esbuild instead and never runs this file.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

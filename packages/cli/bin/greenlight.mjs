#!/usr/bin/env node
// Internal packages ship as TypeScript source; tsx compiles them on the fly (and caches the result).
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');

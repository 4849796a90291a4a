#!/usr/bin/env node
// The `padu` command. Padu runs its TypeScript sources directly through tsx's loader, so that
// neither `npm start` nor `npx padu` needs a compile step (see docs/decisions/0002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

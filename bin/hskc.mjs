#!/usr/bin/env node
// The CLI runs the TypeScript core directly through tsx, so `npx hskc` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

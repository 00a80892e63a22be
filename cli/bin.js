#!/usr/bin/env node
// Launcher for `branch-rating`: registers tsx so the TypeScript sources run without a build step
// (`npx branch-rating` from the repository). main() returns the exit code and never calls
// process.exit, so pending output is flushed before the process ends.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

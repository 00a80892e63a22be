/**
 * `npm run demo`: generate a 255-branch sample workbook, score it, and show where the result is.
 * Goes through main() exactly as a user's command line would, so the demo exercises the real CLI.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main';

/** Write out/demo/sample.xlsx, score it into out/demo/result.xlsx; resolves to the exit code. */
export async function demo(): Promise<number> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = join(root, 'out', 'demo');
  await mkdir(dir, { recursive: true });
  const sample = join(dir, 'sample.xlsx');
  const result = join(dir, 'result.xlsx');

  const made = await main(['template', '--sample', '255', '--form', 'wide', '-o', sample]);
  if (made !== 0) return made;
  const scored = await main(['score', sample, '-o', result]);
  process.stdout.write(`\n${result}\n`);
  return scored;
}

process.exitCode = await demo();

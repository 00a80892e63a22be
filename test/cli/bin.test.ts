/** The real launcher (cli/bin.js) in a child process: tsx registration, exit codes, streams. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleFile, tempDir } from './helpers';

const BIN = resolve(import.meta.dirname, '../../cli/bin.js');

function node(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 100_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('bin'));
});
afterAll(() => cleanup());

it('node cli/bin.js --help prints the usage and exits 0', async () => {
  const run = await node(['--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('用法：branch-rating');
  expect(run.stdout).toContain('Usage: branch-rating');
});

it('node cli/bin.js score runs a real scoring and sets the exit code', async () => {
  const sample = await sampleFile(dir, 'sample.xlsx', 8);
  const out = join(dir, 'result.xlsx');
  const ok = await node(['score', sample, '-o', out]);
  expect(ok.stderr).toContain('计算');
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain('等次分布');
  expect(ok.stdout).toContain(out);

  const missing = await node(['score', join(dir, 'missing.xlsx'), '-o', out]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('missing.xlsx');
});

// Packages the extension for one platform: `npm run package -- --target linux-x64` writes
// azsr-linux-x64.vsix (without --target: azsr.vsix, for this machine's platform), carrying
// that platform's azsr-lsp in server/ (one .vsix per platform, as typos-lsp, harper and ruff ship theirs).
// The binary is built natively: the release workflow runs this on a runner of each platform.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** VS Code's platform targets and the Rust target each is built for. */
export const TARGETS = {
  'linux-x64': 'x86_64-unknown-linux-gnu',
  'linux-arm64': 'aarch64-unknown-linux-gnu',
  'darwin-x64': 'x86_64-apple-darwin',
  'darwin-arm64': 'aarch64-apple-darwin',
  'win32-x64': 'x86_64-pc-windows-msvc',
};

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--target');
const target = at >= 0 ? args[at + 1] : `${process.platform}-${process.arch}`;
if (!(target in TARGETS)) {
  console.error(`unknown target ${target}: one of ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}
const host = `${process.platform}-${process.arch}`;
if (target !== host && !process.env.AZSR_LSP_BINARY) {
  console.error(`${target} is built on its own platform (this is ${host}), or give AZSR_LSP_BINARY`);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, argv, env = {}) =>
  execFileSync(cmd, argv, { cwd: ext, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });

// A binary of another platform left in server/ must not ride along.
fs.rmSync(path.join(ext, 'server'), { recursive: true, force: true });
run(npm, ['run', 'typecheck']);
run(npm, ['run', 'build', '--', '--production']);
run(process.execPath, [path.join(here, 'bundle-server.mjs')]);
const out = at >= 0 ? `azsr-${target}.vsix` : 'azsr.vsix';
run(process.execPath, [
  path.join(ext, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package', '--target', target, '--no-dependencies', '--allow-missing-repository', '--out', out,
]);
console.log(`packaged ${out}`);

// Puts the release azsr-lsp for this platform at server/azsr-lsp (what the .vsix bundles).
// AZSR_LSP_BINARY=path uses an existing binary instead of building one
// (e.g. target/debug/azsr-lsp for a quick local package).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '..');
const repo = path.resolve(ext, '..', '..');
const exe = process.platform === 'win32' ? 'azsr-lsp.exe' : 'azsr-lsp';

let binary = process.env.AZSR_LSP_BINARY;
if (!binary) {
  console.log('cargo build --release -p azsr-lsp');
  execFileSync('cargo', ['build', '--release', '--locked', '-p', 'azsr-lsp'], { cwd: repo, stdio: 'inherit' });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target');
  binary = path.join(target, 'release', exe);
}
const dest = path.join(ext, 'server', exe);
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(binary, dest);
fs.chmodSync(dest, 0o755);
const version = execFileSync(dest, ['--version'], { encoding: 'utf8' }).trim();
console.log(`bundled ${binary} -> server/${exe} (${version})`);

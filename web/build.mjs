// Bundles web/src into web/dist: one classic script (so that the page also works opened
// as a file) with the WebAssembly module and the example drafts inlined.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examplesDir = join(here, '..', 'examples');
// The repository's examples, the well-formed ones first, then examples/faulty/.
const examples = ['', 'faulty'].flatMap((sub) => readdirSync(join(examplesDir, sub))
  .filter((n) => n.endsWith('.azsr.md'))
  .sort()
  .map((n) => {
    const name = sub ? `${sub}/${n}` : n;
    return { name, text: readFileSync(join(examplesDir, name), 'utf8') };
  }));
writeFileSync(join(here, 'build', 'examples.json'), JSON.stringify(examples));

const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  loader: { '.wasm': 'binary' },
  outfile: join(dist, 'app.js'),
  logLevel: 'warning',
  // wasm-bindgen's loader names its file with import.meta.url only when given none.
  define: { 'import.meta.url': '"about:blank"' },
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, 'src', f), join(dist, f));

// Finding the azsr-lsp executable: the setting, then the bundled binary, then PATH.
// Kept free of the vscode module so that it can be unit-tested with node's test runner.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface FoundServer {
  command: string;
  source: ServerSource;
}

export interface LookupProblem {
  /** The configured path that does not exist (when the setting was used). */
  configured?: string;
}

const exeName = process.platform === 'win32' ? 'azsr-lsp.exe' : 'azsr-lsp';

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~` and `${workspaceFolder}` in a configured path. */
export function expandPath(p: string, workspaceFolder: string | undefined): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  if (workspaceFolder) out = out.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (!path.isAbsolute(out) && workspaceFolder) out = path.join(workspaceFolder, out);
  return out;
}

/** Searches PATH (and PATHEXT's .exe on Windows) for azsr-lsp. */
export function onPath(envPath: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exeName);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The lookup order: `azsr.server.path` when set (no fallback when it is wrong: the user
 * asked for that one), then `server/azsr-lsp` inside the extension, then `azsr-lsp` on PATH.
 */
export function findServer(
  setting: string | undefined,
  extensionDir: string,
  workspaceFolder: string | undefined,
  envPath: string | undefined = process.env.PATH,
): FoundServer | LookupProblem {
  if (setting && setting.trim() !== '') {
    const p = expandPath(setting, workspaceFolder);
    return isExecutable(p) ? { command: p, source: 'setting' } : { configured: p };
  }
  const bundled = path.join(extensionDir, 'server', exeName);
  if (isExecutable(bundled)) return { command: bundled, source: 'bundled' };
  const found = onPath(envPath);
  if (found) return { command: found, source: 'path' };
  return {};
}

export function isFound(r: FoundServer | LookupProblem): r is FoundServer {
  return (r as FoundServer).command !== undefined;
}

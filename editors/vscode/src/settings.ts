// The server's configuration (the keys of azsr.toml) built from VS Code settings.
// Only keys the user set are sent, so that a project's azsr.toml is not overridden by
// defaults. Kept free of the vscode module for unit tests.
import * as path from 'node:path';

/** The settings read from VS Code: undefined or null means "not set". */
export interface AzsrSettings {
  support_plan?: string | null;
  time_zone?: string | null;
  messages?: string | null;
  summary_max_chars?: number | null;
  rules?: Record<string, string> | null;
  'terms.ambiguous'?: string[] | null;
  'catalog.services'?: string | null;
  'catalog.problem_classifications'?: string | null;
}

/** Setting names under `azsr.` that map to server configuration keys. */
export const CONFIG_KEYS: (keyof AzsrSettings)[] = [
  'support_plan',
  'time_zone',
  'messages',
  'summary_max_chars',
  'rules',
  'terms.ambiguous',
  'catalog.services',
  'catalog.problem_classifications',
];

function set(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** The payload: `{ support_plan, ..., rules: {...}, terms: { ambiguous }, catalog: {...} }`. */
export function toServerConfig(s: AzsrSettings, workspaceFolder?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const abs = (p: string) => (path.isAbsolute(p) || !workspaceFolder ? p : path.join(workspaceFolder, p));
  if (set(s.support_plan)) out.support_plan = s.support_plan;
  if (set(s.time_zone)) out.time_zone = s.time_zone;
  if (set(s.messages)) out.messages = s.messages;
  if (set(s.summary_max_chars)) out.summary_max_chars = s.summary_max_chars;
  if (s.rules && Object.keys(s.rules).length > 0) out.rules = { ...s.rules };
  if (Array.isArray(s['terms.ambiguous'])) out.terms = { ambiguous: [...s['terms.ambiguous']] };
  const catalog: Record<string, string> = {};
  if (set(s['catalog.services'])) catalog.services = abs(s['catalog.services'] as string);
  if (set(s['catalog.problem_classifications']))
    catalog.problem_classifications = abs(s['catalog.problem_classifications'] as string);
  if (Object.keys(catalog).length > 0) out.catalog = catalog;
  return out;
}

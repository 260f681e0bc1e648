import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Where each program's code lives: its own folder and the libs it is built with. */
export const PROGRAM_SOURCES = {
  coop: ['apps/coop/src', 'libs'],
  consortium: ['apps/consortium/src', 'libs'],
  cli: ['apps/cli', 'libs'],
  launcher: ['scripts/federation'],
} as const;
export type Program = keyof typeof PROGRAM_SOURCES;

// `process.env.NAME`, `env.NAME`, `env?.NAME`, `env['NAME']`, but not an assignment `env.NAME = …`.
const READ =
  /\b(?:process\.env|env)\??(?:\.([A-Z][A-Z0-9_]*)\b|\[['"]([A-Z][A-Z0-9_]*)['"]\])(?!\s*=[^=])/g;
const NOT_SHIPPED = /\.spec\.ts$|\/testing\//;

/**
 * The environment variables a program reads, found in its TypeScript sources (tests and test
 * fixtures left out): the code is the reference, so a variable added there and forgotten in
 * docker-compose.yml or the README shows up.
 */
export function variablesRead(program: Program): Set<string> {
  const names = new Set<string>();
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (child.endsWith('.ts') && !NOT_SHIPPED.test(child)) {
        for (const match of readFileSync(child, 'utf8').matchAll(READ)) {
          names.add(match[1] ?? match[2]);
        }
      }
    }
  };
  for (const dir of PROGRAM_SOURCES[program]) {
    if (existsSync(join(ROOT, dir))) visit(join(ROOT, dir));
  }
  return names;
}

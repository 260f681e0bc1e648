import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');

const eslint = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');

interface LintResult {
  messages: { ruleId: string | null; line: number; message: string }[];
}

/**
 * The boundaries errors `npm run lint` reports for a fixture as if it sat at `asIf`: ESLint's own
 * CLI in a child process (its ESM config does not load inside Jest's module sandbox).
 */
function boundaryErrors(fixture: string, asIf: string): string[] {
  const linted = spawnSync(
    process.execPath,
    [eslint, '--format', 'json', '--stdin', '--stdin-filename', join(root, asIf)],
    { cwd: root, input: readFileSync(join(__dirname, 'fixtures', fixture)), encoding: 'utf8' },
  );
  const [result] = JSON.parse(linted.stdout) as LintResult[];
  return result.messages
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => `${message.line}: ${message.message}`);
}

// The fixtures are ignored by `npm run lint`: they break the rules on purpose.
describe('npm run lint keeps the architecture', () => {
  jest.setTimeout(60_000);

  it('refuses a context that reaches into another context, or into the other app', () => {
    expect(
      boundaryErrors('cross-context.ts.txt', 'apps/consortium/src/budgets/cross-context.ts'),
    ).toEqual([
      '2: a context reaches another only through its public index.ts (import from the folder)',
      '4: an app never imports another app',
    ]);
  });

  it('refuses a lib that imports an app', () => {
    expect(
      boundaryErrors('lib-imports-app.ts.txt', 'libs/projections/src/lib-imports-app.ts'),
    ).toEqual(['2: a lib never imports an app']);
  });

  it('lets the CLI use the apps’ public modules only', () => {
    expect(
      boundaryErrors('cli-imports-internals.ts.txt', 'apps/cli/cli-imports-internals.ts'),
    ).toEqual(['2: the CLI uses libs and the apps’ public modules (apps/<app>/src/index.ts) only']);
  });
});

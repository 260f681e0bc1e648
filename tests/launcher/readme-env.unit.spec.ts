import { readFileSync } from 'node:fs';
import { PROGRAM_SOURCES, Program, variablesRead } from './environment-reads';
import { README } from './readme-tour';

/** The README's configuration table: each row's variables (first cell) and who reads them. */
function configurationTable(): { names: string[]; readBy: string }[] {
  const section = /## Configuration\n([\s\S]*?)\n## /.exec(readFileSync(README, 'utf8'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  return section[1]
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const [names, readBy] = line.split('|').slice(1, 3);
      return { names: [...names.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]), readBy };
    });
}

describe("the README's table of environment variables", () => {
  const rows = configurationTable();
  const documented = new Set(rows.flatMap((row) => row.names));

  it.each(Object.keys(PROGRAM_SOURCES) as Program[])(
    'lists every variable the %s reads',
    (program) => {
      expect([...variablesRead(program)].filter((name) => !documented.has(name))).toEqual([]);
    },
  );

  it('lists only variables that something reads', () => {
    const read = new Set(
      (Object.keys(PROGRAM_SOURCES) as Program[]).flatMap((program) => [...variablesRead(program)]),
    );
    // Rows read by the tests alone (the EventStoreDB contract suite's server) are not in the sources.
    const stale = rows
      .filter((row) => row.readBy.trim() !== 'tests')
      .flatMap((row) => row.names)
      .filter((name) => !read.has(name));
    expect(stale).toEqual([]);
  });
});

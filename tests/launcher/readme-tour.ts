import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const README = resolve(__dirname, '../../README.md');

/**
 * The commands of the README's tour: every `sh` block between `<!-- tour:begin -->` and
 * `<!-- tour:end -->`. A command starts on a line that begins with `curl `; indented lines after
 * it belong to it (backslash continuations, JSON bodies inside quotes), as bash reads them. Any
 * other line is refused: the tour is curl calls only, so that all of it is tested.
 */
export function tourCommands(markdown = readFileSync(README, 'utf8')): string[] {
  const tour = /<!-- tour:begin -->([\s\S]*?)<!-- tour:end -->/.exec(markdown);
  if (!tour) throw new Error('README.md has no <!-- tour:begin --> … <!-- tour:end --> section');
  const commands: string[] = [];
  for (const [, block] of tour[1].matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block.split('\n')) {
      if (line.startsWith('curl ')) commands.push(line);
      else if (/^\s+\S/.test(line) && commands.length > 0) {
        commands[commands.length - 1] += `\n${line}`;
      } else if (line.trim()) {
        throw new Error(`the README's tour runs curl calls only, not: ${line}`);
      }
    }
  }
  return commands;
}

/** The shell variables a command uses: `$NAME` or `${NAME}`. */
export function variablesOf(command: string): string[] {
  return [...command.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_REFERENCE_COMMAND, RULES_REFERENCE_PATH, rulesReference } from './rules-reference';

describe('the rules reference in the repository', () => {
  it(`is up to date with the rule book (else run ${RULES_REFERENCE_COMMAND})`, () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', RULES_REFERENCE_PATH), 'utf8');
    expect(committed).toBe(rulesReference());
  });

  it('names each rule’s forms, figure, dated parameters and source', () => {
    const reference = rulesReference();
    expect(reference).toContain('| `scop`: French SCOP | FR | none |');
    expect(reference).toContain('### `member_holding_maximum`');
    expect(reference).toContain('  - since 2024-10-18: `14380000`');
    expect(reference).toContain('- source: L. 381/1991 art. 2');
  });
});

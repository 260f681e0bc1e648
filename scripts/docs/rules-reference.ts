import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_REFERENCE_PATH, rulesReference } from '@libs/rules';

// Writes docs/rules.md from the rule book in libs/rules.
const target = join(__dirname, '..', '..', RULES_REFERENCE_PATH);
writeFileSync(target, rulesReference());
process.stdout.write(`wrote ${RULES_REFERENCE_PATH}\n`);

import { JURISDICTION, RuledForm } from './legal-forms';
import { Rule, RULE_BOOK, RuleParameter } from './rule-book';

/** Where the reference is kept in the repository, and the command that writes it. */
export const RULES_REFERENCE_PATH = 'docs/rules.md';
export const RULES_REFERENCE_COMMAND = 'npm run docs:rules';

const FORM_NAMES: Record<RuledForm, string> = {
  social_coop_a: 'Italian social coop, type A',
  social_coop_b: 'Italian social coop, type B',
  coop: 'Italian coop',
  consorzio: 'Italian consortium of social coops (the consortium)',
  scic: 'French SCIC (a coop, or the consortium)',
  scop: 'French SCOP',
  association: 'association',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

function parameterLines(parameter: RuleParameter): string[] {
  return [
    `- ${parameter.name} (${parameter.unit}):`,
    ...parameter.values.map((entry) => `  - since ${entry.since}: \`${entry.value}\``),
    ...(parameter.sources ?? []).map((source) => `  - source: ${source}`),
  ];
}

function ruleSection(rule: Rule): string[] {
  return [
    `### \`${rule.id}\`: ${rule.title}`,
    '',
    `- applies to: ${rule.appliesTo.map((form) => `\`${form}\``).join(', ')}`,
    `- figure: ${rule.figure}`,
    `- source: ${rule.source}`,
    ...(rule.parameters ?? []).flatMap(parameterLines),
    '',
  ];
}

/**
 * The rules reference, written from the rule book: each rule, the forms it applies to, its
 * figure, its dated parameters and its source. A test keeps the committed file equal to this.
 */
export function rulesReference(): string {
  const rules = Object.values(RULE_BOOK);
  const forms = Object.keys(JURISDICTION) as RuledForm[];
  return [
    '# The rules each legal form is held to',
    '',
    `<!-- Written by \`${RULES_REFERENCE_COMMAND}\` from libs/rules: do not edit by hand. -->`,
    '',
    'Each form gets only its own law’s rules. Indicators raise alerts, never block; the other rules',
    'refuse a command with a 422 problem naming the rule. Dated parameters take the value in force',
    'on the date of the fact.',
    '',
    '| form | law | rules |',
    '|---|---|---|',
    ...forms.map((form) => {
      const own = rules.filter((rule) => rule.appliesTo.includes(form)).map((rule) => rule.id);
      const names = own.length > 0 ? own.map((id) => `\`${id}\``).join(', ') : 'none';
      return `| \`${form}\`: ${cell(FORM_NAMES[form])} | ${JURISDICTION[form]} | ${names} |`;
    }),
    '',
    '## Rules',
    '',
    ...rules.flatMap(ruleSection),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

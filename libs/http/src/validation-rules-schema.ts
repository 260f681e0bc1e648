import { ApiProperty } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** The money and hours amounts `IsDecimalString` admits: at most 2 decimals, under 10^9. */
const DECIMAL_PATTERN = '^[0-9]{1,9}(\\.[0-9]{1,2})?$';
const SIGNED_DECIMAL_PATTERN = '^-?[0-9]{1,9}(\\.[0-9]{1,2})?$';
const ISO_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

type Rule = Record<string, unknown>;

/**
 * What one class-validator rule says in JSON Schema. The swagger compiler plugin's shim
 * (`openapi-metadata.ts`) cannot read a bound named by a constant nor `@IsInt`, and knows nothing
 * of the platform's own rules (amounts, months, days): the rules the app enforces are read here,
 * from class-validator's own registry, so that the document says what the validation pipe does.
 */
function schemaOf(rule: ValidationMetadata): Rule | undefined {
  const [first] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'isInt':
      return { type: 'integer', format: 'int32' };
    case 'isUuid':
    case 'isUUID':
      return { format: 'uuid' };
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'matches':
      return { pattern: first instanceof RegExp ? first.source : first };
    case 'isDecimalString':
      return { pattern: DECIMAL_PATTERN };
    case 'isSignedDecimalString':
      return { pattern: SIGNED_DECIMAL_PATTERN };
    case 'isIsoMonth':
      return { pattern: ISO_MONTH_PATTERN, maxLength: 7 };
    case 'isIsoDay':
      return { format: 'date', maxLength: 10 };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayMinSize':
      return { minItems: first };
    default:
      return undefined;
  }
}

/**
 * Puts every class-validator rule of every validated class into its OpenAPI property, before the
 * document is built. A rule wins over a looser `@ApiProperty` (`type: Number` of an `@IsInt`).
 */
export function documentValidationRules(): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new (...args: never[]) => unknown, ValidationMetadata[]>;
  };
  for (const [target, rules] of storage.validationMetadatas) {
    const byProperty = new Map<string, Rule>();
    for (const rule of rules) {
      // A rule on each item of an array stays with the items `@ApiProperty` describes.
      const schema = rule.each ? undefined : schemaOf(rule);
      if (!schema) continue;
      byProperty.set(rule.propertyName, { ...byProperty.get(rule.propertyName), ...schema });
    }
    for (const [property, schema] of byProperty) {
      // ApiProperty merges into what the property already says, over it.
      ApiProperty(schema)(target.prototype as object, property);
    }
  }
}

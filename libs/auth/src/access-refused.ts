import { ForbiddenException } from '@nestjs/common';

/**
 * A 403 that names the rule refusing the caller (`member_coop_admin`…), as a refused domain rule
 * names its own: the problem document carries it in `rule`.
 */
export class AccessRefused extends ForbiddenException {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super({ statusCode: 403, message, rule });
  }
}

import { ApiResponse } from '../support/apps';

/**
 * The response is an RFC 9457 problem document with this status (the public API conventions), and its body
 * has what `body` names (a `rule`, a `detail`...).
 */
export function expectProblem(
  response: ApiResponse,
  status: number,
  body: Record<string, unknown> = {},
): void {
  expect({
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: response.body,
  }).toMatchObject({
    status,
    contentType: expect.stringMatching(/^application\/problem\+json/),
    body: { status, title: expect.any(String), detail: expect.any(String), ...body },
  });
}

/** A 422 naming the rule that refused the request. */
export function expectRuleViolation(response: ApiResponse, rule: string): void {
  expectProblem(response, 422, { rule });
}

/** A 400 whose `errors` name exactly these fields (each once, in any order). */
export function expectInvalidFields(response: ApiResponse, fields: string[]): void {
  expectProblem(response, 400, { errors: expect.any(Array) });
  const errors = (response.body as { errors: { field: string; message: string }[] }).errors;
  expect(errors.every((error) => typeof error.message === 'string' && error.message)).toBe(true);
  expect([...new Set(errors.map((error) => error.field))].sort()).toEqual([...fields].sort());
}

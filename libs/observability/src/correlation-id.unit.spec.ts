import { correlationIdOf } from './correlation-id';

describe('the correlation id of a request', () => {
  const request = (headers: Record<string, string>) => ({ headers });

  it("is the caller's X-Correlation-Id when it is a sane token", () => {
    expect(correlationIdOf(request({ 'x-correlation-id': 'payroll-2025-03:7' }))).toBe(
      'payroll-2025-03:7',
    );
  });

  it("is else the trace id of the caller's traceparent, so logs and traces join", () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(correlationIdOf(request({ traceparent }))).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(correlationIdOf(request({ traceparent, 'x-correlation-id': 'given' }))).toBe('given');
  });

  it('is a new uuid for anything else: no header, a header that could forge log lines, an invalid trace', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(correlationIdOf(request({}))).toMatch(uuid);
    expect(correlationIdOf(request({ 'x-correlation-id': 'a"}\n{"level":60' }))).toMatch(uuid);
    expect(correlationIdOf(request({ 'x-correlation-id': 'x'.repeat(101) }))).toMatch(uuid);
    expect(
      correlationIdOf(
        request({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' }),
      ),
    ).toMatch(uuid);
  });

  it('is the same however often it is asked for', () => {
    const one = request({});
    expect(correlationIdOf(one)).toBe(correlationIdOf(one));
  });
});

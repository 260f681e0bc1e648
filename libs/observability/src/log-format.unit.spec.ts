import { readLogSettings } from './log-format';

describe('log settings', () => {
  it("take LOG_LEVEL in Nest's names and LOG_FORMAT, readable lines by default", () => {
    expect(readLogSettings({})).toEqual({ level: 'info', format: 'pretty' });
    expect(readLogSettings({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' })).toEqual({
      level: 'warn',
      format: 'json',
    });
    expect(readLogSettings({ LOG_LEVEL: 'verbose' }).level).toBe('trace');
  });

  it('refuse a level or a format they do not know, naming the choices', () => {
    expect(() => readLogSettings({ LOG_LEVEL: 'info' })).toThrow(
      'LOG_LEVEL is one of fatal, error, warn, log, debug, verbose: info',
    );
    expect(() => readLogSettings({ LOG_FORMAT: 'logfmt' })).toThrow(
      'LOG_FORMAT is json or pretty: logfmt',
    );
  });
});

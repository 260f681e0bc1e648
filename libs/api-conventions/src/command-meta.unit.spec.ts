import { BadRequestException } from '@nestjs/common';
import { etag, parseIfMatch } from './command-meta';

describe('If-Match', () => {
  it('reads back the ETags the API hands out', () => {
    expect(parseIfMatch(etag(3))).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('refuses anything else as bad input', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(BadRequestException);
    expect(() => parseIfMatch('"1", "2"')).toThrow(BadRequestException);
  });
});

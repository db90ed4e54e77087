import { describe, expect, it } from 'vitest';
import { logSafeUrl } from './logging.ts';

describe('logSafeUrl', () => {
  it('drops query strings and the secret of pledge status links', () => {
    expect(logSafeUrl('/api/v1/events/stream?token=abc')).toBe('/api/v1/events/stream');
    expect(logSafeUrl('/api/v1/pledges/status/Zm9vYmFyYmF6cXV4?x=1')).toBe('/api/v1/pledges/status/…');
    expect(logSafeUrl('/pledge/status/Zm9vYmFyYmF6cXV4')).toBe('/pledge/status/…');
    expect(logSafeUrl('/api/v1/pledges/0190c3c4-0000-7000-8000-000000000000')).toBe(
      '/api/v1/pledges/0190c3c4-0000-7000-8000-000000000000',
    );
  });
});

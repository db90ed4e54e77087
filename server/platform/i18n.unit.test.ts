import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, hasMessage, pickLanguage, translate } from './i18n.ts';

const SERVER = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every error code and `field.*` reason the server code can produce, found by reading it. */
function usedKeys(): { codes: Set<string>; reasons: Set<string> } {
  const codes = new Set<string>();
  const reasons = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/new AppError\(\s*\d+\s*,\s*'([A-Z_]+)'/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/conflict\(\s*'([A-Z_]+)'/g)) codes.add(m[1]!);
    // The error handler's own answers: send(reply, request, status, 'CODE') and [status, 'CODE'] maps.
    for (const m of src.matchAll(/send\(reply, request, [^,]+, '([A-Z_]+)'/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/\[\s*\d{3}\s*,\s*'([A-Z_]+)'\s*\]/g)) codes.add(m[1]!);
    // A message key, not a file name ('field.html', the field app's page).
    for (const m of src.matchAll(/'(field\.[A-Za-z.]+)'/g)) if (!m[1]!.endsWith('.html')) reasons.add(m[1]!);
    // `field.${e.keyword}` in the validation mapping: the keywords are the case labels just above it.
    const template = src.indexOf('`field.${e.keyword}`');
    if (template !== -1) {
      const block = src.slice(src.lastIndexOf('break;', template), template);
      for (const m of block.matchAll(/case '(\w+)':/g)) reasons.add(`field.${m[1]}`);
    }
  }
  return { codes, reasons };
}

describe('i18n', () => {
  it('has the same keys in both catalogs', () => {
    const { zh, en } = catalogKeys();
    expect(en).toEqual(zh);
  });

  it('has the same placeholders in both languages', () => {
    for (const key of catalogKeys().zh) {
      const names = (lang: 'zh-CN' | 'en') => [...translate(lang, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names('en'), key).toEqual(names('zh-CN'));
    }
  });

  it('has a message for every error code and field reason the server uses', () => {
    const { codes, reasons } = usedKeys();
    // The scan must find something, or it proves nothing.
    expect(codes.size).toBeGreaterThan(20);
    expect(codes).toContain('NOT_FOUND');
    expect(codes).toContain('INVALID_JSON');
    expect(codes).toContain('INTERNAL');
    expect(reasons).toContain('field.minLength');
    expect(reasons).toContain('field.passwordWeak');
    const missing = [...codes, ...reasons].filter((k) => !hasMessage(k));
    expect(missing).toEqual([]);
    const { en } = catalogKeys();
    expect([...codes, ...reasons].filter((k) => !en.includes(k))).toEqual([]);
  });

  it('fills in parameters and falls back to the key', () => {
    expect(translate('en', 'RATE_LIMITED', { minutes: 15 })).toBe('Too many attempts; try again in 15 minutes');
    expect(translate('zh-CN', 'REGION_CODE_TAKEN', { code: '411700' })).toContain('411700');
    expect(translate('en', 'NO_SUCH_KEY')).toBe('NO_SUCH_KEY');
  });

  it('names the expected type in the caller’s language', () => {
    expect(translate('zh-CN', 'field.type', { type: 'type.string' })).toBe('类型不正确，应为文本');
    expect(translate('en', 'field.type', { type: 'type.integer' })).toBe('Wrong type; expected a whole number');
  });

  it('picks the language: explicit choice, then Accept-Language, zh-CN by default', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage('zh-CN', 'en')).toBe('zh-CN');
    expect(pickLanguage('fr', 'en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('zh-CN');
    expect(pickLanguage(undefined, '')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'en-GB')).toBe('en');
    expect(pickLanguage(undefined, 'EN')).toBe('en');
    expect(pickLanguage(undefined, 'fr-FR, en;q=0.5')).toBe('en');
    expect(pickLanguage(undefined, 'zh-TW,en;q=0.8')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'fr, de')).toBe('zh-CN');
    expect(pickLanguage(undefined, '*')).toBe('zh-CN');
  });
});

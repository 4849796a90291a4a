import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  verifyTotp,
} from './totp.ts';

// RFC 4226 Appendix D and RFC 6238 Appendix B use the ASCII secret "12345678901234567890".
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('HOTP and TOTP', () => {
  it('matches RFC 4226 Appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922'];
    expected.forEach((code, counter) => expect(hotp(RFC_SECRET, counter)).toBe(code));
  });

  it('matches RFC 6238 Appendix B (SHA-1, last 6 of 8 digits)', () => {
    const secret = base32Encode(RFC_SECRET);
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(secret, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(secret, 2_000_000_000_000)).toBe('279037');
  });

  it('round-trips base32 (RFC 4648 test vectors, unpadded)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb-oi').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts one step of drift either side, not two, and never a used step again', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpCode(secret, now), { atMs: now })).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), { atMs: now })).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), { atMs: now })).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), { atMs: now })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now), { atMs: now, lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, '12345', { atMs: now })).toBeNull();
    expect(verifyTotp(secret, 'abcdef', { atMs: now })).toBeNull();
  });

  it('writes the Key Uri Format', () => {
    const text = otpauthUri('JBSWY3DPEHPK3PXP', '3404071201900001');
    expect(text.startsWith('otpauth://totp/Padu:3404071201900001?')).toBe(true);
    const uri = new URL(text);
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Padu');
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});

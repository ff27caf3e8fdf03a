import { describe, expect, it } from 'vitest';
import { secretExpiry } from './secret-expiry';

const now = new Date('2026-11-21T15:30:00Z');
const on = (date: string) => new Date(`${date}T00:00:00Z`);

describe('secretExpiry', () => {
  it('warns 30 days ahead, urgently 7 days ahead, and once expired', () => {
    expect(secretExpiry(null, now)).toEqual({ level: 'none', days: null, message: null });
    expect(secretExpiry(on('2026-12-22'), now)).toMatchObject({ level: 'ok', days: 31, message: null });
    expect(secretExpiry(on('2026-12-21'), now)).toMatchObject({
      level: 'soon',
      days: 30,
      message: 'Client secret expires in 30 days',
    });
    expect(secretExpiry(on('2026-11-29'), now)).toMatchObject({ level: 'soon', days: 8 });
    expect(secretExpiry(on('2026-11-28'), now)).toMatchObject({
      level: 'urgent',
      days: 7,
      message: 'Client secret expires in 7 days',
    });
    expect(secretExpiry(on('2026-11-22'), now)).toMatchObject({
      level: 'urgent',
      message: 'Client secret expires in 1 day',
    });
    expect(secretExpiry(on('2026-11-21'), now)).toMatchObject({
      level: 'urgent',
      days: 0,
      message: 'Client secret expires today',
    });
    expect(secretExpiry(on('2026-11-20'), now)).toMatchObject({
      level: 'expired',
      days: -1,
      message: 'Client secret expired on 2026-11-20',
    });
  });
});

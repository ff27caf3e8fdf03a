import { describe, expect, it } from 'vitest';
import { answerClass } from './answer-class';

describe('answerClass', () => {
  it('keeps the status class of SMTP and Graph answers', () => {
    expect(answerClass('250 2.0.0')).toBe('2xx');
    expect(answerClass('202')).toBe('2xx');
    expect(answerClass('432 4.3.2')).toBe('4xx');
    expect(answerClass('429 ApplicationThrottled')).toBe('4xx');
    expect(answerClass('535 5.7.139')).toBe('5xx');
  });

  it('folds everything else into a few labels', () => {
    expect(answerClass('ESOCKET')).toBe('network');
    expect(answerClass('NetworkError')).toBe('network');
    expect(answerClass('INTERNAL')).toBe('other');
    expect(answerClass('2500')).toBe('other');
    expect(answerClass(null)).toBe('other');
  });
});

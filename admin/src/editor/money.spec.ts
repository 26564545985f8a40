import { describe, expect, it } from 'vitest';
import { fenToYuan, parseNumber, yuanToFen } from './money';

describe('yuan typed → fen stored', () => {
  it('is exact where multiplying a float is not', () => {
    expect(yuanToFen('400.1')).toBe(40010);
    // each of these is off by a fraction when computed as parseFloat(text) * 100
    expect(Number('0.29') * 100).not.toBe(29);
    expect(yuanToFen('0.29')).toBe(29);
    expect(Number('1.15') * 100).not.toBe(115);
    expect(yuanToFen('1.15')).toBe(115);
    expect(Number('4.35') * 100).not.toBe(435);
    expect(yuanToFen('4.35')).toBe(435);
  });

  it('reads whole yuan, one and two decimals, and signs', () => {
    expect(yuanToFen('400')).toBe(40000);
    expect(yuanToFen('400.')).toBe(40000);
    expect(yuanToFen('400.5')).toBe(40050);
    expect(yuanToFen('400.05')).toBe(40005);
    expect(yuanToFen('.5')).toBe(50);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('-0')).toBe(0);
    expect(Object.is(yuanToFen('-0'), -0)).toBe(false);
    expect(yuanToFen('-5')).toBe(-500);
    expect(yuanToFen('+12.3')).toBe(1230);
    expect(yuanToFen(' 1,070 ')).toBe(107000);
  });

  it('reads what a Chinese input method types', () => {
    expect(yuanToFen('４００．１')).toBe(40010);
    expect(yuanToFen('390元')).toBe(39000);
    expect(yuanToFen('１，０２０')).toBe(102000);
  });

  it('tells empty apart from not an amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('   ')).toBeNull();
    for (const bad of ['1.234', 'abc', '-', '.', '1..2', '1.2.3', '1e3', '12a', '--5', '99999999999999999'])
      expect(yuanToFen(bad), bad).toBeUndefined();
  });

  // fen → yuan shown is format.ts's MONEY.figure (its exact outputs are in policy-schemas/format.spec.ts)
  it('round-trips every amount up to 5,000 yuan', () => {
    for (let fen = 0; fen <= 500_000; fen++) {
      const text = fenToYuan(fen);
      if (yuanToFen(text) !== fen) throw new Error(`${fen} → ${text} → ${yuanToFen(text)}`);
    }
  });
});

describe('plain numbers', () => {
  it('parses numbers and percentages, and refuses other text', () => {
    expect(parseNumber('90')).toBe(90);
    expect(parseNumber('87.5')).toBe(87.5);
    expect(parseNumber('87.5%')).toBe(87.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('x')).toBeUndefined();
    expect(parseNumber('-')).toBeUndefined();
  });
});

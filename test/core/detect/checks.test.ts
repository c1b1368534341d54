import { describe, expect, it } from 'vitest';
import { abaValid, deaValid, entropy, ibanValid, luhn, npiValid, ssnStructureValid, vinValid } from '../../../src/core/detect/checks';

describe('check digits', () => {
  it('Luhn accepts test card numbers and refuses one digit off', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('378282246310005')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('')).toBe(false);
    expect(luhn('41a1')).toBe(false);
  });

  it('NPI uses Luhn over the 80840 prefix', () => {
    expect(npiValid('1234567893')).toBe(true);
    expect(npiValid('1234567890')).toBe(false);
    expect(npiValid('3234567893')).toBe(false);
  });

  it('DEA: (d1+d3+d5) + 2(d2+d4+d6) ends in d7', () => {
    expect(deaValid('AB1234563')).toBe(true);
    expect(deaValid('AB1234567')).toBe(false);
    expect(deaValid('A11234563')).toBe(false);
  });

  it('IBAN: country length and mod 97', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('ZZ89370400440532013000')).toBe(false);
  });

  it('ABA routing: weights 3-7-1 and a Federal Reserve prefix', () => {
    expect(abaValid('021000021')).toBe(true);
    expect(abaValid('011000015')).toBe(true);
    expect(abaValid('021000022')).toBe(false);
    expect(abaValid('990000021')).toBe(false);
  });

  it('VIN check digit, letters I, O and Q refused', () => {
    expect(vinValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinValid('1M8GDM9A1KP042788')).toBe(false);
    expect(vinValid('1M8GDM9AXKP04278O')).toBe(false);
  });

  it('SSN: area 000, 666 and 9xx, group 00 and serial 0000 are never issued', () => {
    expect(ssnStructureValid('536228726')).toBe(true);
    for (const bad of ['000228726', '666228726', '936228726', '536008726', '536220000', '111111111']) expect(ssnStructureValid(bad), bad).toBe(false);
  });

  it('entropy is 0 for one repeated symbol and log2(n) for n distinct ones', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
});

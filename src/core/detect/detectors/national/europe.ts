import type { Detector } from '../../types';
import { nationalId } from './build';

const digits = (v: string): string => v.replace(/\D/g, '');

/** Mod 11 with weights 10..2 over the first nine digits; 11 - remainder is the tenth (10 is never issued). */
function nhsValid(v: string): boolean {
  const d = digits(v);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(d[9]);
}

/** The national identifiers of the EU-27, the United Kingdom, Switzerland, Norway, Iceland and Turkey. */
export const europeanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.uk-nhs',
    description: 'NHS number (England, Wales, Isle of Man), mod-11 check digit',
    shapes: [{ name: 'nhs-grouped', source: String.raw`\d{3}([ -]?)\d{3}\1\d{4}` }],
    valid: nhsValid,
    words: ['nhs', 'nhs number', 'nhs no'],
    needsContext: true,
    examples: {
      match: [{ text: 'NHS number: 943 476 5919', value: '943 476 5919' }, { text: 'nhs no 9434765919', value: '9434765919' }],
      noMatch: ['NHS number: 943 476 5918', 'call 943 476 5919'],
    },
  }),
];

import type { Detector, EntityType } from '../types';

/**
 * Identifiers with no shape of their own (record, member, account, licence numbers) are recognised by the
 * label written before them, the way a reader does: "MRN: SF-998877", "insurance ID is BC-654321".
 */
const FILLER = String.raw`(?:\s*(?:number|num|nbr|no\.?|nr|id|code|is|was|of|#|:|=)){0,4}\s*`;
const VALUE = String.raw`(#?[A-Z0-9][A-Z0-9/-]{1,30}[A-Z0-9])`;

/** Kinds of manufacturing record, whose numbers are not medical record numbers. */
const MANUFACTURING_RECORDS = 'batch|lot|deviation|cleaning|production|manufacturing|training|equipment|maintenance|calibration|quality|capa|complaint|change|audit|validation|laboratory|lab|inspection|stability';

/** Names of standards and algorithms that follow a label like an identifier would ("id: SHA-256", "ref ISO-27001"). */
const STANDARD_NAMES = /^(?:sha|md|aes|rsa|utf|iso|iec|rfc|tls|ssl|http|ipv|cve|cwe|din|astm|ich|usp)-?\d/i;

/** A value is an identifier when it holds three digits or more and is not a year, a date or a dose. */
function identifierLike(v: string): boolean {
  const digits = v.replace(/\D/g, '').length;
  return digits >= 3 && !STANDARD_NAMES.test(v) && !/^#?(?:19|20)\d\d$/.test(v) && !/^\d{1,2}\/\d{1,2}(?:\/\d+)?$/.test(v) && !/^\d+(?:mg|mcg|ml|g|kg|mm|cm|units?|iu|hrs?|mins?)$/i.test(v);
}

function labelled(id: string, type: EntityType, description: string, keywords: string[], labels: string, example: string, value: string, noMatch: string[], score = 0.85): Detector {
  return {
    id,
    type,
    category: 'pii',
    description,
    keywords,
    // The label stands right before the value: a narrow window around it is enough.
    window: { before: 24, after: 96 },
    requires: 'digit',
    patterns: [{ name: `${id.split('.')[1]}-labelled`, regex: new RegExp(String.raw`\b(?:${labels})(?![A-Za-z])\.?${FILLER}${VALUE}(?![A-Za-z0-9])`, 'gid'), score, group: 1 }],
    validate: (v) => (identifierLike(v) ? undefined : false),
    examples: { match: [{ text: example, value }], noMatch },
  };
}

export const labelledDetectors: Detector[] = [
  labelled('pii.mrn', 'MRN', 'Medical record or patient number, by its label',
    ['mrn', 'record', 'med rec', 'medical rec', 'chart', 'patient', 'pt id', 'pt. id', 'mr#', 'emr', 'ehr', 'hospital', 'encounter'],
    // A batch, deviation or cleaning record is the plant's, not a patient's: "batch record BR-2291" is no MRN.
    String.raw`MRN|MR#|EMR|EHR|medical\s+record(?:s)?|med(?:ical)?\.?\s+rec(?:ord)?|(?<!\b(?:${MANUFACTURING_RECORDS})\s+)record|chart|patient(?:\s+id)?|pt\.?\s+id|hospital\s+(?:id|number)|encounter`,
    'seen at clinic (MRN: #SF-998877)', 'SF-998877', ['patient education materials', 'record 5 minutes', 'see batch record BR-2291 for the yield', 'Deviation record DR-1122 is closed']),
  labelled('pii.health-plan-id', 'HEALTH_PLAN_ID', 'Health plan, insurance or member number, by its label',
    ['insur', 'ins.', 'ins ', 'ins#', 'policy', 'member', 'subscriber', 'plan', 'medicaid', 'medicare', 'beneficiary', 'group', 'hmo', 'ppo', 'epo', 'hbn', 'hpbn'],
    String.raw`(?:insurance|insurer|insur)(?:\s+(?:policy|plan|member|card))?|ins\.?(?:\s+policy)?|HMO|PPO|EPO|HBN|HPBN|policy|member(?:ship)?|subscriber|health\s+plan|plan|medicaid|medicare|beneficiary|group`,
    'His insurance ID is ABC-987654', 'ABC-987654', ['insurance covers 80 percent']),
  labelled('pii.account-number', 'ACCOUNT_NUMBER', 'Account or other unique identifying number, by its label',
    ['acct', 'account', 'a/c', 'ref', 'case', 'id ', 'id:', 'id#', 'id.', 'invoice', 'order', 'claim', 'identifier'],
    String.raw`acct|account|a\/c|ref(?:erence)?|case|claim|invoice|order|identifier|ID`,
    "on Nov 11th '23 (Acct#: GRM-998877)", 'GRM-998877', ['account for 5% of cases']),
  labelled('pii.license-number', 'LICENSE_NUMBER', 'Certificate or licence number, by its label',
    ['licen', 'certif', 'cert', 'permit', 'registration'],
    String.raw`(?:professional\s+|medical\s+|nursing\s+|state\s+)?licen[cs]e|certificate|cert\.?|permit|registration`,
    'License No: CLN-112233', 'CLN-112233', ['licensed in 2019']),
  labelled('pii.device-id', 'DEVICE_ID', 'Device serial number or identifier, by its label',
    ['serial', 's/n', 'device', 'udi', 'implant'],
    String.raw`serial|s\/n|device(?:\s+id)?|UDI|implant(?:\s+id)?`,
    'pacemaker serial number PX-44A1290', 'PX-44A1290', ['serial killer']),
];

import type { Detector, EntityType } from '../types';

/**
 * Identifiers with no shape of their own (record, member, account, licence numbers) are recognised by the
 * label written before them, the way a reader does: "MRN: SF-998877", "insurance ID is BC-654321", "NHC: 368503",
 * "Fallnummer 2019-4711", "NºCol: 28 28 70973". The labels are data, per language (LABELS below); the words that
 * may stand between a label and its value (FILLER) are shared, since "nº", "Nr." and "n°" mean the same everywhere.
 * The text is read after NFKC, so "º" is "o" here ("NºCol" is "NoCol") and a full-width colon is ": ".
 */
const FILLER_WORDS = [
  'number', 'num', 'nbr', 'no\\.?', 'nr\\.?', 'nro\\.?', 'n°', 'n\\.', 'id', 'code', 'is', 'was', 'of', '#', ':', '=',
  'n[úu]mero', 'n[úu]m\\.?', 'numero', 'nummer', 'c[óo]digo', 'codice', 'de', 'del', 'da', 'do', 'du', 'di', 'der', 'des', 'van', 'は',
];
/** A filler word is a whole word ("no" is not the start of "nombre"); a sign is not ("#SF-998877"). */
const FILLER = String.raw`(?:\s*(?:${FILLER_WORDS.map((w) => (/[a-zは]/.test(w) ? `${w}(?![A-Za-z])` : w)).join('|')})){0,4}\s*`;
/**
 * A value: one token of letters and digits, or groups of digits with single spaces where a number is written so
 * ("26 37482910 04", "28 28 70973": the first group short, the whole four digits or more; validate() counts).
 */
const VALUE = String.raw`(\d{1,4}(?: {1,2}\d{2,10}){1,6}(?![\w/-])|#?[A-Z0-9][A-Z0-9/-]{1,30}[A-Z0-9])`;

/** Kinds of manufacturing record, whose numbers are not medical record numbers. */
const MANUFACTURING_RECORDS = 'batch|lot|deviation|cleaning|production|manufacturing|training|equipment|maintenance|calibration|quality|capa|complaint|change|audit|validation|laboratory|lab|inspection|stability';

/** Names of standards and algorithms that follow a label like an identifier would ("id: SHA-256", "ref ISO-27001"). */
const STANDARD_NAMES = /^(?:sha|md|aes|rsa|utf|iso|iec|rfc|tls|ssl|http|ipv|cve|cwe|din|astm|ich|usp)-?\d/i;

/** A value is an identifier when it holds three digits or more and is not a year, a date or a dose. */
function identifierLike(v: string): boolean {
  const digits = v.replace(/\D/g, '').length;
  if (v.includes(' ') && digits < 4) return false;
  return digits >= 3 && !STANDARD_NAMES.test(v) && !/^#?(?:19|20)\d\d$/.test(v) && !/^\d{1,2}\/\d{1,2}(?:\/\d+)?$/.test(v) && !/^\d+(?:mg|mcg|ml|g|kg|mm|cm|units?|iu|hrs?|mins?)$/i.test(v);
}

/**
 * The labels of one kind of identifier, by language: `keywords` are lower-case ASCII stems that gate the
 * detector (one of them stands in every label of the Latin script), `labels` are regex sources. Labels in other
 * scripts (`ja`) cannot be keywords of the automaton: they run as a second detector around digits.
 */
interface Labels {
  keywords: string[];
  labels: Partial<Record<'en' | 'es' | 'de' | 'fr' | 'it' | 'nl' | 'pt', string[]>>;
  ja?: string[];
}

const LABELS: Record<'mrn' | 'health-plan-id' | 'account-number' | 'license-number' | 'device-id', Labels> = {
  mrn: {
    keywords: ['mrn', 'record', 'med rec', 'medical rec', 'chart', 'patient', 'pt id', 'pt. id', 'mr#', 'emr', 'ehr', 'hospital', 'encounter',
      'nhc', 'historia', 'episodio', 'fallnummer', 'fall-nr', 'fall nr', 'patienten', 'pat.', 'pat-', 'ntnummer', 'nt-id', 'nt id', 'ntennummer', 'aufnahme', 'dossier', 'ipp:', 'ipp ', 'cartella', 'ricovero', 'paziente', 'processo', 'utente', 'prontu'],
    labels: {
      // A batch, deviation or cleaning record is the plant's, not a patient's: "batch record BR-2291" is no MRN.
      en: ['MRN', 'MR#', 'EMR', 'EHR', 'medical\\s+records?', 'med(?:ical)?\\.?\\s+rec(?:ord)?', `(?<!\\b(?:${MANUFACTURING_RECORDS})\\s+)record`, 'chart', 'patient(?:\\s+id)?', 'pt\\.?\\s+id', 'hospital\\s+(?:id|number)', 'encounter'],
      es: ['N\\.?H\\.?C', 'historia(?:\\s+cl[íi]nica)?', 'episodio', 'n[úu]mero\\s+de\\s+paciente'],
      de: ['Fallnummer', 'Fall-?Nr', 'Patienten-?(?:ID|nummer|Nr)', 'Pat\\.?-?(?:Nr|ID)', 'Aufnahme-?(?:nummer|Nr)'],
      fr: ['dossier(?:\\s+m[ée]dical)?', 'IPP', 'patient'],
      it: ['cartella(?:\\s+clinica)?', 'ricovero', '(?:ID\\s+)?paziente'],
      nl: ['pati[ëe]nt(?:en)?-?(?:nummer|id)', 'dossiernummer'],
      pt: ['processo(?:\\s+cl[íi]nico)?', 'utente', 'prontu[áa]rio'],
    },
    ja: ['患者ID', '患者番号', 'カルテ番号', '診察券番号', 'カルテNo\\.?'],
  },
  'health-plan-id': {
    keywords: ['insur', 'ins.', 'ins ', 'ins#', 'policy', 'member', 'subscriber', 'plan', 'medicaid', 'medicare', 'beneficiary', 'group', 'hmo', 'ppo', 'epo', 'hbn', 'hpbn',
      'nass', 'noss', 'no ss', 'afiliaci', 'seguridad social', 'tarjeta', 'cip:', 'cip ', 'cipa', 'versicher', 'krankenkasse', 'kv-nr', 'mitgliedsnummer', 'sociale', 'mutuelle', 'vitale',
      'tessera', 'sanitari', 'zorgverzeker', 'polisnummer', 'verzeker', 'carte', 'cartao'],
    labels: {
      en: ['(?:insurance|insurer|insur)(?:\\s+(?:policy|plan|member|card))?', 'ins\\.?(?:\\s+policy)?', 'HMO', 'PPO', 'EPO', 'HBN', 'HPBN', 'policy', 'member(?:ship)?', 'subscriber', 'health\\s+plan', 'plan', 'medicaid', 'medicare', 'beneficiary', 'group'],
      es: ['NASS', 'N[o°]\\s?SS', '(?:afiliaci[óo]n|seguridad\\s+social)', 'tarjeta(?:\\s+sanitaria|\\s+individual\\s+sanitaria)?', 'CIPA?'],
      de: ['Versicherten-?(?:nummer|Nr)', 'Versicherungs-?(?:nummer|Nr)', 'Krankenversicherungsnummer', 'Krankenkasse', 'KV-?Nr', 'Mitgliedsnummer'],
      fr: ['(?:s[ée]curit[ée]\\s+sociale)', 'mutuelle', 'carte\\s+vitale'],
      it: ['tessera(?:\\s+sanitaria)?', 'codice\\s+sanitario'],
      nl: ['zorgverzekering', 'polisnummer', 'verzekerden-?nummer', 'verzekerings-?nummer'],
      pt: ['benefici[áa]rio', 'cart[ãa]o\\s+de\\s+sa[úu]de', 'cart[ãa]o\\s+SUS'],
    },
    ja: ['保険者番号', '被保険者番号', '被保険者証番号', '記号番号'],
  },
  'account-number': {
    keywords: ['acct', 'account', 'a/c', 'ref', 'case', 'id ', 'id:', 'id#', 'id.', 'invoice', 'order', 'claim', 'identifier',
      // Stems that stand inside English words are left out ('factur' in manufacturing, 'conta' in contact, 'client').
      'factura', 'cuenta', 'pedido', 'rechnung', 'kunden', 'konto', 'bestell', 'compte', 'commande', 'fattura', 'conto', 'ordine', 'rekening', 'klant', 'factuur', 'fatura', 'encomenda'],
    labels: {
      en: ['acct', 'account', 'a\\/c', 'ref(?:erence)?', 'case', 'claim', 'invoice', 'order', 'identifier', 'ID'],
      es: ['factura', 'cuenta', 'pedido', 'cliente'],
      de: ['Rechnungs-?(?:nummer|Nr)', 'Rechnung', 'Kunden-?(?:nummer|Nr)', 'Konto(?:nummer)?', 'Bestell-?(?:nummer|Nr)'],
      fr: ['facture', 'compte', 'commande'],
      it: ['fattura', 'conto', 'ordine'],
      nl: ['factuur(?:nummer)?', 'rekening(?:nummer)?', 'klant(?:nummer)?', 'bestelling'],
      pt: ['fatura', 'encomenda'],
    },
    ja: ['請求書番号', '注文番号', '口座番号', '顧客番号'],
  },
  'license-number': {
    keywords: ['licen', 'certif', 'cert', 'permit', 'registration', 'nocol', 'no col', 'colegiad', 'dula', 'lanr', 'bsnr', 'arztnummer', 'rpps', 'adeli', 'albo', 'big-', 'big ', 'agb', 'ordem'],
    labels: {
      en: ['(?:professional\\s+|medical\\s+|nursing\\s+|state\\s+)?licen[cs]e', 'certificate', 'cert\\.?', 'permit', 'registration'],
      es: ['N[o°]\\s?Col(?:egiad[oa])?', 'colegiad[oa]', 'c[ée]dula\\s+profesional'],
      de: ['LANR', 'BSNR', 'Arztnummer'],
      fr: ['RPPS', 'ADELI'],
      it: ['(?:iscrizione\\s+)?albo(?:\\s+dei\\s+medici)?'],
      nl: ['BIG(?:-?(?:nummer|registratie))?', 'AGB(?:-?code)?'],
      pt: ['(?:c[ée]dula\\s+)?da\\s+ordem(?:\\s+dos\\s+m[ée]dicos)?'],
    },
    ja: ['医籍登録番号', '医師免許番号', '医籍番号'],
  },
  'device-id': {
    keywords: ['serial', 's/n', 'device', 'udi', 'implant'],
    labels: { en: ['serial', 's\\/n', 'device(?:\\s+id)?', 'UDI', 'implant(?:\\s+id)?'] },
  },
};

/** "s/n" is also Spanish for "no number" in an address ("Avda. de Elvas s/n, 06080"): a postcode is no serial. */
const POSTCODE_AFTER_SN = /s\/n[.,]?\s*(?:E-)?\d{4,5}(?!\d)/i;

function labelled(kind: keyof typeof LABELS, type: EntityType, description: string, example: string, value: string, noMatch: string[], score = 0.85): Detector[] {
  const { keywords, labels, ja } = LABELS[kind];
  const id = `pii.${kind}`;
  const validate = (v: string, text: string, start: number): false | undefined => (identifierLike(v) && !POSTCODE_AFTER_SN.test(text.slice(Math.max(0, start - 12), start + 6)) ? undefined : false);
  const latin: Detector = {
    id,
    type,
    category: 'pii',
    description,
    keywords,
    // The label stands right before the value: a narrow window around it is enough.
    window: { before: 24, after: 96 },
    requires: 'digit',
    patterns: [{ name: `${kind}-labelled`, regex: new RegExp(String.raw`\b(?:${Object.values(labels).flat().join('|')})(?![A-Za-z])\.?${FILLER}${VALUE}(?![A-Za-z0-9])`, 'gid'), score, group: 1 }],
    validate,
    examples: { match: [{ text: example, value }], noMatch },
  };
  if (!ja) return [latin];
  const [jaExample, jaValue] = JA_EXAMPLES[kind]!;
  return [latin, {
    id: `${id}-ja`,
    type,
    category: 'pii',
    description: `${description} (Japanese labels)`,
    // Japanese labels are no keywords of the (ASCII) automaton: the pattern runs around digits, as numbers do.
    requires: 'digit',
    patterns: [{ name: `${kind}-labelled-ja`, regex: new RegExp(String.raw`(?:${ja.join('|')})${FILLER}${VALUE}(?![A-Za-z0-9])`, 'gid'), score, group: 1 }],
    validate,
    examples: { match: [{ text: jaExample, value: jaValue }], noMatch: ['患者さんは3人です'] },
  }];
}

const JA_EXAMPLES: Partial<Record<keyof typeof LABELS, [string, string]>> = {
  mrn: ['患者ID：12345678（内科）', '12345678'],
  'health-plan-id': ['被保険者番号: 12345678', '12345678'],
  'license-number': ['医籍登録番号 456789', '456789'],
  'account-number': ['注文番号：A-20231145', 'A-20231145'],
};

export const labelledDetectors: Detector[] = [
  ...labelled('mrn', 'MRN', 'Medical record, patient, case or episode number, by its label',
    'seen at clinic (MRN: #SF-998877)', 'SF-998877', ['patient education materials', 'record 5 minutes', 'see batch record BR-2291 for the yield', 'Deviation record DR-1122 is closed']),
  ...labelled('health-plan-id', 'HEALTH_PLAN_ID', 'Health plan, insurance or member number, by its label',
    'His insurance ID is ABC-987654', 'ABC-987654', ['insurance covers 80 percent']),
  ...labelled('account-number', 'ACCOUNT_NUMBER', 'Account or other unique identifying number, by its label',
    "on Nov 11th '23 (Acct#: GRM-998877)", 'GRM-998877', ['account for 5% of cases']),
  ...labelled('license-number', 'LICENSE_NUMBER', 'Certificate, licence or professional registration number, by its label',
    'License No: CLN-112233', 'CLN-112233', ['licensed in 2019']),
  ...labelled('device-id', 'DEVICE_ID', 'Device serial number or identifier, by its label',
    'pacemaker serial number PX-44A1290', 'PX-44A1290', ['serial killer', 'Avda. de Elvas s/n. 06080 Badajoz']),
];

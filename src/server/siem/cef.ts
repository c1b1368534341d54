import type { BulwarkEvent } from '../../core/events/event';

const SEVERITY = { allow: 1, audit: 3, warn: 5, redact: 6, block: 8 } as const;

const header = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const extension = (s: string) => s.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/**
 * An event in ArcSight's Common Event Format (CEF:0), which QRadar, ArcSight, Sentinel and most SIEMs parse:
 * the rule and the findings' types and counts, masked previews never (a SIEM keeps data for years).
 */
export function toCef(e: BulwarkEvent, productVersion: string): string {
  const fields: Array<[string, string | number | undefined]> = [
    ['rt', Date.parse(e.time)],
    ['externalId', e.id],
    ['suser', e.device.user],
    ['shost', e.device.id],
    ['dhost', e.destination.host],
    ['app', e.channel],
    ['act', e.action],
    ['outcome', e.outcome],
    ['cs1Label', 'rule'],
    ['cs1', e.rule],
    ['cs2Label', 'findings'],
    ['cs2', e.findings.map((f) => `${f.type}x${f.count}`).join(' ')],
    ['cs3Label', 'justification'],
    ['cs3', e.justification],
    ['cs4Label', 'recipientDomains'],
    ['cs4', e.recipientDomains.join(' ') || undefined],
    ['cs5Label', 'destinationCategories'],
    ['cs5', e.destination.categories.join(' ')],
    ['fname', e.file?.name],
    ['fsize', e.file?.size],
    ['fileType', e.file?.type],
    ['cn1Label', 'policyVersion'],
    ['cn1', e.policyVersion],
  ];
  const ext = fields
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${extension(String(v))}`)
    .join(' ');
  const name = `${e.action} ${e.channel} to ${e.destination.host}`;
  return `CEF:0|Bulwark|Bulwark DLP|${header(productVersion)}|${header(e.action)}|${header(name)}|${SEVERITY[e.action]}|${ext}`;
}

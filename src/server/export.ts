import { toOcsf, type BulwarkEvent } from '../core/events/event';

const CSV_COLUMNS = ['time', 'id', 'user', 'device', 'channel', 'host', 'destination_categories', 'action', 'outcome', 'rule', 'findings', 'previews', 'recipient_domains', 'file_name', 'file_type', 'file_size', 'justification', 'policy_version'] as const;

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

export function csvRow(e: BulwarkEvent): string {
  const cells = [
    e.time,
    e.id,
    e.device.user ?? '',
    e.device.id,
    e.channel,
    e.destination.host,
    e.destination.categories.join(' '),
    e.action,
    e.outcome,
    e.rule ?? '',
    e.findings.map((f) => `${f.type}x${f.count}`).join(' '),
    e.findings.flatMap((f) => f.previews).join(' '),
    e.recipientDomains.join(' '),
    e.file?.name ?? '',
    e.file?.type ?? '',
    e.file ? String(e.file.size) : '',
    e.justification ?? '',
    String(e.policyVersion),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading quote mark on cells a spreadsheet would run as a formula (a justification
 * starting with "=" must not become one in the auditor's Excel).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** OCSF export: one JSON document per line (JSON Lines), which SIEMs and jq read as a stream. */
export const ocsfLine = (e: BulwarkEvent): string => `${JSON.stringify(toOcsf(e))}\n`;

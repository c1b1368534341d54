import type { KeptReport } from '../../core/events/report';
import type { SqlDriver } from './driver';

export type { KeptReport };

type Row = { id: number; period_from: string; period_to: string; profile: string; format: string; created_ms: number; created_by: string; bytes: number };
const toKept = (r: Row): KeptReport => ({ id: Number(r.id), from: r.period_from, to: r.period_to, profile: r.profile, format: r.format, createdMs: Number(r.created_ms), createdBy: r.created_by, bytes: Number(r.bytes) });
const COLUMNS = 'id, period_from, period_to, profile, format, created_ms, created_by, bytes';

/** The reports kept: one per period, profile and format (the first one made stays). */
export class ReportStore {
  constructor(private readonly db: SqlDriver) {}

  async has(r: Pick<KeptReport, 'from' | 'to' | 'profile' | 'format'>): Promise<boolean> {
    return (await this.db.query('SELECT id FROM reports WHERE period_from = ? AND period_to = ? AND profile = ? AND format = ?', [r.from, r.to, r.profile, r.format])).length > 0;
  }

  /** Keeps a report; the one already kept for its period, profile and format when there is one. */
  async keep(r: Omit<KeptReport, 'id' | 'bytes'>, file: Uint8Array): Promise<KeptReport> {
    await this.db.run('INSERT INTO reports (period_from, period_to, profile, format, created_ms, created_by, bytes, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
      r.from, r.to, r.profile, r.format, r.createdMs, r.createdBy, file.length, Buffer.from(file).toString('base64'),
    ]);
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM reports WHERE period_from = ? AND period_to = ? AND profile = ? AND format = ?`, [r.from, r.to, r.profile, r.format]);
    return toKept(row!);
  }

  /** The newest first. */
  async list(): Promise<KeptReport[]> {
    return (await this.db.query<Row>(`SELECT ${COLUMNS} FROM reports ORDER BY period_from DESC, id DESC LIMIT 1000`)).map(toKept);
  }

  async file(id: number): Promise<{ report: KeptReport; file: Uint8Array } | undefined> {
    const [row] = await this.db.query<Row & { body: string }>(`SELECT ${COLUMNS}, body FROM reports WHERE id = ?`, [id]);
    return row && { report: toKept(row), file: Buffer.from(row.body, 'base64') };
  }
}

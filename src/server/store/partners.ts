import { Partner } from '../../core/policy/partners';
import { appendAuditIn } from './audit';
import type { SqlDriver } from './driver';

/**
 * The third-party register: partners by id, each change in one transaction with its audit entry
 * (`partner.create`, `partner.update`, `partner.delete`, `partner.import`).
 */
export class PartnerStore {
  constructor(private readonly db: SqlDriver) {}

  async list(): Promise<Partner[]> {
    return (await this.db.query<{ doc: string }>('SELECT doc FROM partners ORDER BY id')).map((r) => Partner.parse(JSON.parse(r.doc)));
  }

  async get(id: string): Promise<Partner | undefined> {
    const [row] = await this.db.query<{ doc: string }>('SELECT doc FROM partners WHERE id = ?', [id]);
    return row && Partner.parse(JSON.parse(row.doc));
  }

  /** Adds or replaces partners; answers which ids were new. One audit entry: `partner.<action>` for one, `partner.import` for a file. */
  async put(partners: readonly Partner[], actor: string, action: 'create' | 'update' | 'import'): Promise<{ created: string[]; updated: string[] }> {
    return this.db.transaction(async (tx) => {
      const created: string[] = [], updated: string[] = [];
      for (const p of partners) {
        const existed = (await tx.query('SELECT id FROM partners WHERE id = ?', [p.id])).length > 0;
        await tx.run('INSERT INTO partners (id, doc, updated_ms, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by', [
          p.id,
          JSON.stringify(p),
          Date.now(),
          actor,
        ]);
        (existed ? updated : created).push(p.id);
      }
      const target = action === 'import' ? `partners: ${partners.length}` : `partner:${partners[0]?.id}`;
      await appendAuditIn(tx, { actor, action: `partner.${action}`, target, detail: action === 'import' ? { created, updated } : { partner: partners[0] } });
      return { created, updated };
    });
  }

  async remove(id: string, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.run('DELETE FROM partners WHERE id = ?', [id]))) return false;
      await appendAuditIn(tx, { actor, action: 'partner.delete', target: `partner:${id}`, detail: {} });
      return true;
    });
  }
}

import { appendAuditIn } from './audit';
import type { SqlDriver } from './driver';

/** Who is in which team, and the day each team was trained. */
export interface TeamMapping {
  members: Array<{ user: string; team: string }>;
  trainings: Array<{ team: string; day: string }>;
}

/** The imported team mapping: replaced whole, in one transaction with its audit entry (`coaching.teams`). */
export class CoachingStore {
  constructor(private readonly db: SqlDriver) {}

  async teams(): Promise<TeamMapping> {
    const members = await this.db.query<{ user_name: string; team: string }>('SELECT user_name, team FROM coaching_members ORDER BY team, user_name');
    const trainings = await this.db.query<{ team: string; day: string }>('SELECT team, day FROM coaching_trainings ORDER BY team');
    return { members: members.map((m) => ({ user: m.user_name, team: m.team })), trainings };
  }

  async putTeams(mapping: TeamMapping, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM coaching_members');
      await tx.run('DELETE FROM coaching_trainings');
      for (const m of mapping.members) await tx.run('INSERT INTO coaching_members (user_name, team) VALUES (?, ?)', [m.user, m.team]);
      for (const t of mapping.trainings) await tx.run('INSERT INTO coaching_trainings (team, day) VALUES (?, ?)', [t.team, t.day]);
      await appendAuditIn(tx, { actor, action: 'coaching.teams', target: `teams: ${new Set(mapping.members.map((m) => m.team)).size}`, detail: { members: mapping.members.length, trainings: mapping.trainings } });
    });
  }
}

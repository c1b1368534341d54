import { sqlMigration } from './migration';

/**
 * Coaching: the imported mapping of people to teams (devices report no directory groups), and the day each
 * team was trained (to compare its warnings before and after).
 */
export const coaching = sqlMigration(9, 'coaching', () => [
  'CREATE TABLE IF NOT EXISTS coaching_members (user_name TEXT PRIMARY KEY, team TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS coaching_trainings (team TEXT PRIMARY KEY, day TEXT NOT NULL)',
]);

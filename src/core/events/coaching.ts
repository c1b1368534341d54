/** Coaching figures as the server computes them (src/server/coaching.ts) and the console shows them. */
export interface Figures {
  /** Warnings shown (action warn, whatever the employee did next). */
  warnings: number;
  /** Shares the employee cancelled after a warning. */
  cancelled: number;
  /** Warnings overridden: sent anyway. */
  overridden: number;
  /** "This isn't sensitive" reports they filed from the dialog (open, approved or rejected). */
  falsePositives: number;
}
export type Trend = Array<{ week: string } & Figures>;
export interface PersonFigures extends Figures { user: string; team: string; trend: Trend }
export interface TeamFigures extends Figures {
  team: string;
  people: number;
  trend: Trend;
  /** The team's training day, and its warnings per week before and after it within the period (null when the day is outside it). */
  training: { day: string; warningsPerWeekBefore: number | null; warningsPerWeekAfter: number | null; fell: boolean | null } | null;
}
export interface Coaching {
  period: { from: string; to: string };
  note: string;
  teams: TeamFigures[];
  people: PersonFigures[];
}

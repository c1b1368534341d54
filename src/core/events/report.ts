/** A compliance report the server keeps (src/server/store/reports.ts), as the API lists it and the console shows it; its signed file apart. */
export interface KeptReport {
  id: number;
  /** The period's first and last days (YYYY-MM-DD, UTC). */
  from: string;
  to: string;
  profile: string;
  format: string;
  createdMs: number;
  /** Who made it: `schedule` for the monthly ones. */
  createdBy: string;
  bytes: number;
}

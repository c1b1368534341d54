import type { ServerConfig } from '../config';
import { maintainEvents } from './partitions';
import type { Store } from './store';

const DAILY_MS = 86_400_000;

/** A daily job besides the events' (`name` for the log). */
export interface DailyJob {
  name: string;
  run(): Promise<unknown>;
}

const failure = (e: Error) => `${e.name}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ''}`;

/**
 * Partitions ahead and retention, then the other `jobs` (the month's reports), at start and then daily, in the
 * background: a failure (the database away) is logged and tried again at the next round, never a reason not to
 * serve.
 */
export function startMaintenance(store: Store, config: Pick<ServerConfig, 'retentionDays' | 'retentionAction'>, jobs: readonly DailyJob[] = []): { stop(): Promise<void> } {
  store.retentionDays = config.retentionDays;
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = running
      .then(() => maintainEvents(store.db, config))
      .then(async (r) => {
        // A month that got its partition (its rows moved out of DEFAULT) has no statistics yet: without them the
        // planner reads it blindly until autovacuum comes by (the newest page over a million events took 100 ms).
        if (r.created.length) await store.analyze();
        return r;
      })
      .then(
        (r) => {
          if (r.created.length || r.removed.length || r.deletedRows) console.log(`[bulwark] events maintenance: ${r.created.length} partition(s) made, ${r.removed.length} past retention ${config.retentionAction === 'detach' ? 'detached' : 'dropped'}, ${r.deletedRows} old row(s) deleted`);
        },
        (e: Error) => console.error(`[bulwark] events maintenance failed (tried again tomorrow): ${failure(e)}`),
      );
    for (const job of jobs) running = running.then(() => job.run()).then(undefined, (e: Error) => console.error(`[bulwark] ${job.name} failed (tried again tomorrow): ${failure(e)}`));
  };
  round();
  const timer = setInterval(round, DAILY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

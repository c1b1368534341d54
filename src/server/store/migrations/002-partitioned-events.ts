import { ensurePartitions, monthOf, monthsAround, PARTITIONED_TABLES } from '../partitions';
import type { Migration } from './migration';

/**
 * PostgreSQL: events and event_types become tables partitioned by RANGE (time_ms), one partition a month and a
 * DEFAULT one for times outside them, so that retention drops whole months instead of deleting rows, and
 * queries with a time range read only their months. A partitioned table's unique keys must hold the partition
 * key: events are unique by (id, time_ms) (a re-sent event has the same id and time; lookups by id use this
 * index) and by (seq, time_ms). The rows are copied over; seq keeps its sequence. SQLite stays one table.
 */
export const partitionedEvents: Migration = {
  id: 2,
  name: 'partitioned-events',
  async apply(tx) {
    if (tx.dialect !== 'postgres') return;
    for (const t of PARTITIONED_TABLES) await tx.run(`ALTER TABLE ${t} RENAME TO ${t}_unpartitioned`);
    await tx.run(`CREATE TABLE events (
      seq BIGINT NOT NULL DEFAULT nextval('events_seq_seq'), id TEXT NOT NULL, time_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL,
      device_id TEXT NOT NULL, user_name TEXT, channel TEXT NOT NULL, host TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL,
      rule TEXT, types TEXT NOT NULL, type_mask BIGINT NOT NULL, doc TEXT NOT NULL,
      CONSTRAINT events_seq_time PRIMARY KEY (seq, time_ms), CONSTRAINT events_id_time UNIQUE (id, time_ms)
    ) PARTITION BY RANGE (time_ms)`);
    await tx.run(`CREATE TABLE event_types (type TEXT NOT NULL, time_ms BIGINT NOT NULL, seq BIGINT NOT NULL, CONSTRAINT event_types_key PRIMARY KEY (type, time_ms, seq)) PARTITION BY RANGE (time_ms)`);
    for (const t of PARTITIONED_TABLES) await tx.run(`CREATE TABLE ${t}_default PARTITION OF ${t} DEFAULT`);
    // The months that hold rows get their partitions before the copy, so that nothing lands in DEFAULT.
    const days = await tx.query<{ day: number }>(`SELECT DISTINCT (time_ms / 86400000) * 86400000 AS day FROM events_unpartitioned`);
    await ensurePartitions(tx, [...days.map((r) => monthOf(Number(r.day))), ...monthsAround(Date.now())]);
    await tx.run(`INSERT INTO events (seq, id, time_ms, received_ms, device_id, user_name, channel, host, action, outcome, rule, types, type_mask, doc)
      SELECT seq, id, time_ms, received_ms, device_id, user_name, channel, host, action, outcome, rule, types, type_mask, doc FROM events_unpartitioned`);
    await tx.run(`INSERT INTO event_types (type, time_ms, seq) SELECT type, time_ms, seq FROM event_types_unpartitioned`);
    await tx.run(`ALTER SEQUENCE events_seq_seq OWNED BY events.seq`);
    for (const t of PARTITIONED_TABLES) await tx.run(`DROP TABLE ${t}_unpartitioned`);
    // The same indexes as before (001), now on the parent: each partition gets its own.
    for (const c of ['time_ms', 'user_name', 'device_id', 'host', 'rule'])
      await tx.run(`CREATE INDEX events_by_${c} ON events (${c === 'time_ms' ? '' : `${c}, `}time_ms, seq, action, channel, type_mask)`);
  },
};

import { describe, expect, it } from 'vitest';
import { freshStore, makeEvent } from './harness';

describe('SQLite readers and the writer', () => {
  it('a read answers while a write transaction is open, and sees the write once it is committed', async () => {
    const { store, dispose } = await freshStore('sqlite');
    try {
      let commit!: () => void;
      const gate = new Promise<void>((resolve) => (commit = resolve));
      const writing = store.db.transaction(async (tx) => {
        await tx.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['k', 'written']);
        await gate;
      });
      // With one connection behind one lock this read would wait for the transaction, which waits for us.
      expect(await store.setting('k')).toBeUndefined();
      expect(await store.events({})).toEqual({ events: [], next: undefined });
      commit();
      await writing;
      expect(await store.setting('k')).toBe('written');
    } finally {
      await dispose();
    }
  });

  it('statements that write go to the writer, even when they answer rows', async () => {
    const { store, dispose } = await freshStore('sqlite');
    try {
      const e = makeEvent();
      expect(await store.addEvents([e])).toEqual({ inserted: 1, duplicates: 0, expired: 0 });
      expect(await store.db.query('INSERT INTO settings (key, value) VALUES (?, ?) RETURNING key', ['r', 'v'])).toEqual([{ key: 'r' }]);
      expect((await store.event(e.id))?.event).toEqual(e);
      expect(await store.setting('r')).toBe('v');
    } finally {
      await dispose();
    }
  });
});

/**
 * What the employee allowed to leave a page: SipHash values of found values, by page origin and tab. Filled
 * when the employee continues after a warning, in the backstop's dialog or in the content guard's (a paste, a
 * send, a request of the page-world hook), so that the request carrying that content is not stopped again.
 * Requests of a service worker belong to no tab: they count with every tab of their origin.
 */
export class Allowances {
  private readonly byOrigin = new Map<string, Map<number, Set<string>>>();
  /** Keeps memory bounded on a page that shares a lot. */
  static readonly MAX_PER_PAGE = 5000;

  add(tabId: number, origin: string, hashes: Iterable<string>): void {
    let tabs = this.byOrigin.get(origin);
    if (!tabs) this.byOrigin.set(origin, (tabs = new Map()));
    let set = tabs.get(tabId);
    if (!set) tabs.set(tabId, (set = new Set()));
    for (const h of hashes) if (set.size < Allowances.MAX_PER_PAGE) set.add(h);
  }

  /** Whether this hash is allowed for this tab and origin (tab -1: any tab of the origin). */
  has(tabId: number, origin: string, hash: string): boolean {
    const tabs = this.byOrigin.get(origin);
    if (!tabs) return false;
    if (tabId >= 0) return tabs.get(tabId)?.has(hash) ?? false;
    for (const set of tabs.values()) if (set.has(hash)) return true;
    return false;
  }

  get empty(): boolean {
    return this.byOrigin.size === 0;
  }

  forgetTab(tabId: number): void {
    for (const [origin, tabs] of this.byOrigin) {
      tabs.delete(tabId);
      if (!tabs.size) this.byOrigin.delete(origin);
    }
  }

  toJSON(): [string, number, string[]][] {
    return [...this.byOrigin].flatMap(([origin, tabs]) => [...tabs].map(([tab, set]) => [origin, tab, [...set]] as [string, number, string[]]));
  }

  static fromJSON(rows: unknown): Allowances {
    const a = new Allowances();
    if (Array.isArray(rows))
      for (const row of rows) if (Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'number' && Array.isArray(row[2])) a.add(row[1], row[0], row[2].filter((h): h is string => typeof h === 'string'));
    return a;
  }
}

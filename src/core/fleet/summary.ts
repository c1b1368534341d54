/** What the summary needs of a device (the server's store has more). */
export interface FleetDevice {
  revoked: boolean;
  enrolledMs: number;
  lastSeenMs: number | null;
  policyVersion: number | null;
  extensionVersion: string | null;
}

const DAY_MS = 86_400_000;

/** How many live devices run one version (null: the device has not said, or runs no central policy). Newest first. */
export interface VersionCount<V> {
  version: V | null;
  devices: number;
}

/** The fleet at a glance: "1,204 of 1,250 browsers on policy v7", who has gone quiet, which extension versions run. */
export interface FleetSummary {
  /** The version published now (null: none yet). */
  policyVersion: number | null;
  /** Live (not revoked) devices. */
  devices: number;
  onCurrentPolicy: number;
  /** Live devices with no contact for `staleDays` days (counted from enrollment when never heard from). */
  stale: number;
  staleDays: number;
  policyVersions: VersionCount<number>[];
  extensionVersions: VersionCount<string>[];
}

export function fleetSummary(all: FleetDevice[], policyVersion: number | null, staleDays: number, now = Date.now()): FleetSummary {
  const live = all.filter((d) => !d.revoked);
  const cutoff = now - staleDays * DAY_MS;
  return {
    policyVersion,
    devices: live.length,
    onCurrentPolicy: live.filter((d) => policyVersion !== null && d.policyVersion === policyVersion).length,
    stale: live.filter((d) => (d.lastSeenMs ?? d.enrolledMs) < cutoff).length,
    staleDays,
    policyVersions: countBy(live.map((d) => d.policyVersion)),
    extensionVersions: countBy(live.map((d) => d.extensionVersion)),
  };
}

/** Each version with how many devices run it, the newest first, the devices that did not say last. */
function countBy<V>(values: (V | null)[]): VersionCount<V>[] {
  const counts = new Map<V | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const order = (v: V | null) => (v === null ? '' : String(v));
  return [...counts].map(([version, devices]) => ({ version, devices })).sort((a, b) => order(b.version).localeCompare(order(a.version), undefined, { numeric: true }));
}

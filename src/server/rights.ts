import type { Role } from './store';

/**
 * Who may do what. People have one role; a device token is a principal of its own that may only send events
 * and read its policy. The console hides what a role cannot do, but this table is what the server enforces.
 */
export const PERMISSIONS = {
  'events.read': ['viewer', 'analyst', 'policy_admin', 'admin'],
  'policy.read': ['viewer', 'analyst', 'policy_admin', 'admin'],
  'events.export': ['analyst', 'admin'],
  'incidents.read': ['viewer', 'analyst', 'policy_admin', 'admin'],
  /** Change an incident's status, owner, severity or verdict, comment on it; be its owner. */
  'incidents.triage': ['analyst', 'admin'],
  'insights.read': ['analyst', 'admin'],
  /** Find the events that carried one identifier (an MRN, an SSN, an address): breach assessment, data-subject requests. */
  'identifiers.search': ['analyst', 'admin'],
  'devices.read': ['analyst', 'admin'],
  'policy.write': ['policy_admin', 'admin'],
  'people.manage': ['admin'],
  'fleet.manage': ['admin'],
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Principal =
  /** `owner`: for an API token, the person who made it (its role is bounded by theirs). */
  | { kind: 'user'; name: string; role: Role; via: 'session' | 'token'; sessionHash?: string; owner?: string }
  | { kind: 'device'; deviceId: string; user: string | null };

export function allowed(principal: Principal, permission: Permission): boolean {
  return principal.kind === 'user' && (PERMISSIONS[permission] as readonly Role[]).includes(principal.role);
}

export const permissionsOf = (role: Role): Permission[] => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));

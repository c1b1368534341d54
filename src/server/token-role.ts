import { allowed, permissionsOf, type Principal } from './rights';
import { ROLES, type Role } from './store';

/**
 * What an API token may do now: the lower of its own role and its creator's current role, checked on every
 * request, so that a token follows its owner (an admin demoted, a person removed). A token whose creator is
 * gone, or may no longer make tokens, stops working (undefined). "Lower" is the role with the most permissions
 * that both roles have (analyst and policy_admin share a viewer's).
 */
export function tokenRole(own: Role, creatorRole: Role | undefined): Role | undefined {
  if (!creatorRole || !allowed({ kind: 'user', name: '', role: creatorRole, via: 'session' }, 'people.manage')) return undefined;
  const both = permissionsOf(own).filter((p) => permissionsOf(creatorRole).includes(p));
  return [...ROLES].reverse().find((r) => permissionsOf(r).every((p) => both.includes(p)));
}

/** The person behind a principal: a token's creator, or the person signed in; the one a new token belongs to. */
export const ownerOf = (p: Extract<Principal, { kind: 'user' }>): string => (p.via === 'token' ? (p.owner ?? p.name) : p.name);

import { z } from 'zod';
import { BulkIncidentChange, IncidentChange, IncidentComment } from '../core/events/incident-change';
import { BulwarkEvent } from '../core/events/event';
import { EnrollBody, EventBatch, ExportQuery, FleetQuery, ImpactBody, NewApiToken, NewEnrollmentToken, NewUser, PolicyDraft, PreviewBody, PublishBody, RollbackBody, StatsQuery, UserChange } from './api-schemas';
import { EventQuery } from './event-filter';
import { IncidentQuery } from './incidents/routes';
import { Partner } from '../core/policy/partners';
import { TeamUpload } from './coaching';
import { Period } from './partners/routes';
import { IdentifierSearch } from './partners/trace';
import { DocumentUpload, TableUpload } from './protected';
import { Wanted } from './reports/routes';
import { DeviceRequests, RequestDecision, RequestQuery } from './requests/routes';
import type { Permission } from './rights';
import { SavedViewBody } from './saved-views';
import { LoginBody, TotpConfirmBody, TotpDisableBody } from './sign-in';

/**
 * The API as an OpenAPI 3.1 document (GET /api/openapi.json), made from the zod schemas the handlers validate
 * with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 takes it).
 *
 * Why a route table and not @hono/zod-openapi or hono-openapi: those want every route declared through them
 * (createRoute, describeRoute and their validators), which would rewrite every handler of app.ts and answer bad
 * input in their shape instead of the API's one problem format (http.ts). A table beside the routes keeps app.ts
 * as it is; test/server/openapi.test.ts enumerates the app's registered routes and fails for any route missing
 * here, so the table cannot fall behind.
 */

/** Who may call a route: nobody in particular, an enrolled browser (device token), or a person (session or API token). */
type Caller = 'anyone' | 'device' | 'person';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono's form: /api/incidents/:id */
  path: string;
  summary: string;
  caller: Caller;
  permission?: Permission;
  query?: z.ZodType;
  body?: z.ZodType;
  /** What a success answers: its status and words, and its shape where a program needs it. */
  ok: { status?: 200 | 201 | 204 | 304; description: string; schema?: z.ZodType; type?: string };
}

const StoredEvent = z.object({ seq: z.number().int(), receivedMs: z.number().int(), event: BulwarkEvent });
const EventPage = z.object({
  events: z.array(StoredEvent),
  next: z.string().optional().describe('Pass back as cursor for the next page; absent on the last page.'),
  total: z.number().int().optional().describe('On the first page only (no cursor): how many events match, up to 100,000.'),
  capped: z.boolean().optional().describe('On the first page only: more events match than total says.'),
});

const person = (permission: Permission | undefined, route: Omit<ApiRoute, 'caller' | 'permission'>): ApiRoute => ({ ...route, caller: 'person', permission });

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness: the process answers', caller: 'anyone', ok: { description: '{alive: true}' } },
  { method: 'get', path: '/readyz', summary: 'Readiness: the database answers (503 while it is away)', caller: 'anyone', ok: { description: '{ready: true}' } },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', caller: 'anyone', ok: { description: 'The OpenAPI 3.1 document' } },

  // browsers
  { method: 'post', path: '/api/enroll', summary: "Enroll a browser with the fleet's enrollment token", caller: 'anyone', body: EnrollBody, ok: { status: 201, description: '{deviceId, deviceToken, hashKey, policyPublicKey}' } },
  { method: 'get', path: '/api/device/policy', summary: 'The signed policy in force (ETag, 304 when unchanged); the browser says what it runs in X-Bulwark-Extension-Version and X-Bulwark-Policy-Version', caller: 'device', ok: { description: '{policy, signature}' } },
  { method: 'get', path: '/api/device/protected-data', summary: 'The hashed exact-data tables and document fingerprints (ETag)', caller: 'device', ok: { description: 'The published protected data' } },
  { method: 'get', path: '/api/device/requests', summary: "The employee's requests (of the device's user, or of the device when it has none), the newest 50, with their answers", caller: 'device', ok: { description: '{requests}', schema: DeviceRequests } },
  { method: 'post', path: '/api/device/events', summary: 'Send a batch of events (with the same X-Bulwark-* version headers)', caller: 'device', body: EventBatch, ok: { description: '{accepted, duplicates, expired, rejected}' } },

  // people: sign in
  { method: 'post', path: '/api/login', summary: 'Sign in to the console (sets the session cookie)', caller: 'anyone', body: LoginBody, ok: { description: '{name, role, permissions}' } },
  person(undefined, { method: 'post', path: '/api/logout', summary: 'Sign out (ends the session)', ok: { description: '{ok: true}' } }),
  person(undefined, { method: 'get', path: '/api/me', summary: 'Who is asking, with their permissions', ok: { description: '{name, role, permissions}' } }),
  person(undefined, { method: 'get', path: '/api/me/totp', summary: 'Whether the signed-in person has a second factor (sessions only)', ok: { description: '{enabled}' } }),
  person(undefined, { method: 'post', path: '/api/me/totp', summary: 'Begin setting up a second factor (sessions only)', ok: { status: 201, description: '{secret, uri}' } }),
  person(undefined, { method: 'post', path: '/api/me/totp/confirm', summary: 'Turn the second factor on with a first code', body: TotpConfirmBody, ok: { description: '{enabled: true}' } }),
  person(undefined, { method: 'post', path: '/api/me/totp/disable', summary: 'Turn the second factor off (password and code)', body: TotpDisableBody, ok: { description: '{enabled: false}' } }),
  person('people.manage', { method: 'delete', path: '/api/users/:name/totp', summary: "Reset someone's second factor", ok: { description: '{enabled: false}' } }),

  // events
  person('events.read', { method: 'get', path: '/api/events', summary: 'Events, filtered and sorted, a page at a time', query: EventQuery, ok: { description: 'A page of events', schema: EventPage } }),
  person('events.read', { method: 'get', path: '/api/events/:id', summary: 'One event', ok: { description: 'The stored event', schema: StoredEvent } }),
  person('events.export', { method: 'get', path: '/api/export', summary: 'Export the filtered events as CSV or OCSF JSON lines (audited)', query: ExportQuery, ok: { description: 'The file', type: 'text/csv' } }),
  person('events.read', { method: 'get', path: '/api/stats', summary: 'Decisions per day and the top destinations, types and users', query: StatsQuery, ok: { description: '{byDay, topHosts, topTypes, topUsers}' } }),
  person('insights.read', { method: 'get', path: '/api/coaching', summary: 'Coaching: warnings, cancellations, overrides and false positives per team and person, weekly, and whether warnings fell after a team was trained', query: Period, ok: { description: '{period, note, teams, people}' } }),
  person('insights.read', { method: 'get', path: '/api/coaching/teams', summary: 'The imported mapping of people to teams, with training days', ok: { description: '{members, trainings}' } }),
  person('people.manage', { method: 'put', path: '/api/coaching/teams', summary: 'Replace the team mapping and training days (audited)', body: TeamUpload, ok: { description: '{members, trainings}' } }),
  person('insights.read', { method: 'get', path: '/api/insights', summary: 'Unusual behaviour: who jumped away from their baseline', ok: { description: '{outliers, computedAt}' } }),
  person('events.read', { method: 'get', path: '/api/views', summary: "The caller's saved views", ok: { description: '{views}' } }),
  person('events.read', { method: 'post', path: '/api/views', summary: 'Save (or replace) a view of the events under a name', body: SavedViewBody, ok: { status: 201, description: 'The saved view' } }),
  person('events.read', { method: 'delete', path: '/api/views/:id', summary: 'Delete one of the caller’s saved views', ok: { description: '{ok: true}' } }),

  // the third-party register, compliance reports, an identifier's events
  person('policy.read', { method: 'get', path: '/api/partners', summary: 'The register: partners with their volumes by category, unknown external parties, agreements expiring', query: Period, ok: { description: '{partners, unknown, expiring}' } }),
  person('policy.read', { method: 'get', path: '/api/partners/export', summary: 'The register as CSV', ok: { description: 'The CSV file', type: 'text/csv' } }),
  person('policy.write', { method: 'post', path: '/api/partners', summary: 'Add a partner (audited; the policy is published again with the register)', body: Partner, ok: { status: 201, description: 'The partner' } }),
  person('policy.write', { method: 'put', path: '/api/partners/:id', summary: 'Replace a partner (audited; republished)', body: Partner, ok: { description: 'The partner' } }),
  person('policy.write', { method: 'delete', path: '/api/partners/:id', summary: 'Remove a partner (audited; republished)', ok: { description: '{ok: true}' } }),
  person('policy.write', { method: 'post', path: '/api/partners/import', summary: 'Add or replace the partners of a CSV file (text/csv body), all or none; errors by line', ok: { description: '{imported}' } }),
  person('audit.read', { method: 'get', path: '/api/reports', summary: 'The kept compliance reports, with the profiles and formats', ok: { description: '{reports, profiles, formats}' } }),
  person('audit.read', { method: 'get', path: '/api/reports/generate', summary: 'Make a signed compliance report for a period and profile now (audited)', query: Wanted, ok: { description: 'The report file', type: 'application/pdf' } }),
  person('audit.read', { method: 'get', path: '/api/reports/:id/file', summary: 'Download a kept report (audited)', ok: { description: 'The report file', type: 'application/pdf' } }),
  person('identifiers.search', { method: 'post', path: '/api/identifier-search', summary: "The events that carried an identifier (hashed as browsers do, kept nowhere; the search is audited)", body: IdentifierSearch, ok: { description: '{events, truncated}' } }),

  // incidents
  person('incidents.read', { method: 'get', path: '/api/incidents', summary: 'Incidents, filtered, the most recent activity first', query: IncidentQuery, ok: { description: '{incidents, total, byStatus, limit, offset}' } }),
  person('incidents.read', { method: 'get', path: '/api/incidents/owners', summary: 'Who may own an incident', ok: { description: '{owners}' } }),
  person('incidents.read', { method: 'get', path: '/api/incidents/:id', summary: 'An incident with its events, comments and history', ok: { description: '{incident, events, comments, history}' } }),
  person('incidents.triage', { method: 'patch', path: '/api/incidents/:id', summary: 'Change an incident: status (close it), owner, severity, verdict (audited)', body: IncidentChange, ok: { description: '{incident}' } }),
  person('incidents.triage', { method: 'post', path: '/api/incidents/bulk', summary: 'Change several incidents at once: all or none (audited)', body: BulkIncidentChange, ok: { description: '{incidents}' } }),
  person('incidents.triage', { method: 'post', path: '/api/incidents/:id/comments', summary: 'Comment on an incident (audited)', body: IncidentComment, ok: { status: 201, description: 'The comment' } }),

  // employees' requests and the exceptions granted
  person('incidents.read', { method: 'get', path: '/api/requests', summary: "Employees' requests (false-positive reports, exception requests): open ones first, then the newest", query: RequestQuery, ok: { description: '{requests (each with eventId, its event; notGrantable: why it cannot be granted, or null), open (how many wait)}' } }),
  person('incidents.triage', { method: 'post', path: '/api/requests/:id/decision', summary: 'Approve or reject a request, with a note to the employee (incidents.triage or policy.write; a grant needs policy.write and publishes the policy again; audited; 409 once decided)', body: RequestDecision, ok: { description: '{request}' } }),
  person('policy.read', { method: 'get', path: '/api/exceptions', summary: 'Granted exceptions in force, and those expired or revoked in the last 30 days', ok: { description: '{exceptions}' } }),
  person('policy.write', { method: 'delete', path: '/api/exceptions/:id', summary: 'Revoke a granted exception (audited; the policy is published again without it)', ok: { description: '{ok: true}' } }),

  // fleet
  person('devices.read', { method: 'get', path: '/api/devices', summary: 'Enrolled devices, each with the policy and extension versions it runs, last contact and events lost', ok: { description: '{devices}' } }),
  person('devices.read', { method: 'get', path: '/api/fleet', summary: 'The fleet: how many devices run the published policy, which versions run, how many went quiet', query: FleetQuery, ok: { description: '{policyVersion, devices, onCurrentPolicy, stale, staleDays, policyVersions, extensionVersions}' } }),
  person('fleet.manage', { method: 'delete', path: '/api/devices/:id', summary: 'Revoke a device (audited)', ok: { description: '{ok: true}' } }),
  person('fleet.manage', { method: 'get', path: '/api/enrollment-tokens', summary: 'Enrollment tokens', ok: { description: '{tokens}' } }),
  person('fleet.manage', { method: 'post', path: '/api/enrollment-tokens', summary: 'Make an enrollment token (shown once; audited)', body: NewEnrollmentToken, ok: { status: 201, description: '{id, token, label, expiresMs}' } }),
  person('fleet.manage', { method: 'delete', path: '/api/enrollment-tokens/:id', summary: 'Revoke an enrollment token (audited)', ok: { description: '{ok: true}' } }),
  person('fleet.manage', { method: 'get', path: '/api/siem/status', summary: "The SIEM destinations' delivery state", ok: { description: '{destinations}' } }),

  // protected data
  person('policy.read', { method: 'get', path: '/api/protected-data', summary: 'Exact-data tables and registered documents', ok: { description: 'Their summary' } }),
  person('policy.write', { method: 'post', path: '/api/protected-data/tables', summary: 'Upload an exact-data table (hashed on arrival; audited)', body: TableUpload, ok: { status: 201, description: 'The table, hashed' } }),
  person('policy.write', { method: 'post', path: '/api/protected-data/documents', summary: 'Register a document for fingerprinting (audited)', body: DocumentUpload, ok: { status: 201, description: 'The document, fingerprinted' } }),
  person('policy.write', { method: 'delete', path: '/api/protected-data/tables/:id', summary: 'Remove an exact-data table (audited)', ok: { description: '{ok: true}' } }),
  person('policy.write', { method: 'delete', path: '/api/protected-data/documents/:set/:id', summary: 'Remove a registered document (audited)', ok: { description: '{ok: true}' } }),

  // policy
  person('policy.read', { method: 'get', path: '/api/policies', summary: 'Published versions and the signing key', ok: { description: '{policies, publicKey}' } }),
  person('policy.read', { method: 'get', path: '/api/policies/:version', summary: 'A published version ("current" for the one in force)', ok: { description: 'The version with its signed document' } }),
  person('policy.write', { method: 'post', path: '/api/policies/validate', summary: 'Check a draft policy', body: PolicyDraft, ok: { description: '{ok, errors}' } }),
  person('policy.write', { method: 'post', path: '/api/policies/impact', summary: 'What a draft would decide otherwise than the policy in force, over the stored events of the last days, and for whom', body: ImpactBody, ok: { description: '{ok, inForce, days, fromMs, events, changed, capped, changes: [{from, to, fromRule, toRule, events, people, users}]}' } }),
  person('policy.write', { method: 'post', path: '/api/policies/preview', summary: 'Try a draft policy on sample text', body: PreviewBody, ok: { description: '{ok, decision, labels, findings}' } }),
  person('policy.write', { method: 'post', path: '/api/policies', summary: 'Sign and publish a policy (audited)', body: PublishBody, ok: { status: 201, description: 'The published version' } }),
  person('policy.write', { method: 'post', path: '/api/policies/:version/rollback', summary: "Publish an old version's content again as a new version (audited)", body: RollbackBody, ok: { status: 201, description: 'The published version' } }),

  // people
  person('people.manage', { method: 'get', path: '/api/users', summary: 'Console users', ok: { description: '{users}' } }),
  person('people.manage', { method: 'post', path: '/api/users', summary: 'Add a console user (audited)', body: NewUser, ok: { status: 201, description: '{name, role}' } }),
  person('people.manage', { method: 'patch', path: '/api/users/:name', summary: "Change someone's role or password (audited)", body: UserChange, ok: { description: '{name, role}' } }),
  person('people.manage', { method: 'get', path: '/api/tokens', summary: 'API tokens, with what each may do now', ok: { description: '{tokens}' } }),
  person('people.manage', { method: 'post', path: '/api/tokens', summary: 'Make an API token (shown once; audited)', body: NewApiToken, ok: { status: 201, description: '{id, token, label, role}' } }),
  person('people.manage', { method: 'delete', path: '/api/tokens/:id', summary: 'Revoke an API token (audited)', ok: { description: '{ok: true}' } }),
  person('audit.read', { method: 'get', path: '/api/audit', summary: 'The audit trail', ok: { description: '{entries}' } }),
  person('audit.read', { method: 'get', path: '/api/audit/verify', summary: "Check the audit trail's hash chain", ok: { description: '{ok, entries, brokenAt?}' } }),
];

/** A zod schema as JSON Schema for the document: what a client sends (input), without its own $schema. */
const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};

const problem = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } });

function operation(route: ApiRoute) {
  const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) {
    // A query schema is an object (or the intersection of objects): each property is a parameter; a list means
    // the parameter may repeat (?user=ann&user=bob).
    const q = jsonSchema(route.query) as { properties?: Record<string, unknown>; required?: string[]; allOf?: Array<{ properties?: Record<string, unknown>; required?: string[] }> };
    for (const part of q.allOf ?? [q])
      for (const [name, schema] of Object.entries(part.properties ?? {})) parameters.push({ name, in: 'query', required: part.required?.includes(name) ?? false, schema, explode: true });
  }
  const responses: Record<string, unknown> = {
    [String(route.ok.status ?? 200)]: {
      description: route.ok.description,
      ...(route.ok.schema ? { content: { 'application/json': { schema: jsonSchema(route.ok.schema) } } } : route.ok.type ? { content: { [route.ok.type]: {} } } : {}),
    },
  };
  if (route.query || route.body) responses['400'] = problem('The request is not of the expected shape: each problem at its field (issues)');
  if (route.caller !== 'anyone') responses['401'] = problem('No valid session or token');
  if (route.caller !== 'anyone') responses['403'] = problem(route.permission ? `Needs the ${route.permission} permission` : 'Not for this kind of caller');
  if (route.path.includes(':')) responses['404'] = problem('Nothing has this id');
  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[/:.-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    ...(route.permission ? { description: `Needs the \`${route.permission}\` permission.` } : {}),
    security: route.caller === 'anyone' ? [] : route.caller === 'device' ? [{ deviceToken: [] }] : [{ session: [] }, { apiToken: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of these routes. */
export function openApiDocument(routes: readonly ApiRoute[] = API_ROUTES): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path.replace(/:(\w+)/g, '{$1}')] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bulwark API',
      version: '1',
      description:
        'The backend of Bulwark: browsers enroll, fetch the signed policy and send events; people and programs (with an API token: Authorization: Bearer bwk_...) read events, triage incidents, manage policy, people and the fleet. Errors are {error, message, issues?}.',
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'bulwark_session', description: 'The console’s session (POST /api/login). A change (POST, PATCH, DELETE) must come with the console’s Origin.' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (bwk_...) made in the console under People and devices; it acts with its role, bounded by its creator’s.' },
        deviceToken: { type: 'http', scheme: 'bearer', description: 'A device token (bwd_...) from POST /api/enroll.' },
      },
      schemas: {
        Problem: {
          type: 'object',
          properties: { error: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] } } },
          required: ['error', 'message'],
        },
      },
    },
  };
}

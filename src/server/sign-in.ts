import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Env } from './app';
import { problem, readJson } from './http';
import type { LoginGuard } from './login-guard';
import { allowed } from './rights';
import type { SecondFactor } from './second-factor';
import { verifyPassword } from './secrets';
import type { Store, User } from './store';

export interface SignInDeps {
  store: Store;
  guard: LoginGuard;
  secondFactor: SecondFactor;
  authenticate: MiddlewareHandler<Env>;
  clientAddress: (c: Context) => string;
  /** The body limit of these small requests. */
  /** Opens a session for the user and answers who signed in. */
  startSession: (c: Context<Env>, user: User) => Promise<Response>;
}

const CODE = z.string().trim().regex(/^\d{6}$/, 'six digits');
const PASSWORD = z.string().min(1).max(1024);

/** The bodies these routes read (the API document, openapi.ts, shows the same schemas). */
export const LoginBody = z.object({ name: z.string().min(1).max(128), password: PASSWORD, code: CODE.optional() }).strict();
export const TotpConfirmBody = z.object({ code: CODE }).strict();
export const TotpDisableBody = z.object({ password: PASSWORD, code: CODE }).strict();

/**
 * Signing in and the second factor, mounted under /api:
 * - POST /login {name, password, code?}: the attempt is taken (LoginGuard) before anything is checked; an account
 *   with TOTP answers 401 `totp-required` until a valid, unused code comes with the right password.
 * - GET /me/totp, POST /me/totp (begin: a new secret and its otpauth:// URI), POST /me/totp/confirm {code},
 *   POST /me/totp/disable {password, code}: one's own account, with a session.
 * - DELETE /users/:name/totp: an admin turns someone's second factor off (a lost phone).
 * Codes and passwords checked here count as sign-in attempts; every change is in the audit trail.
 */
export function signInRoutes(d: SignInDeps): Hono<Env> {
  const { store, guard, secondFactor } = d;
  const app = new Hono<Env>();

  /** Password (and code, when the account has TOTP) checked under one attempt; answers the user or the refusal. */
  const check = async (c: Context<Env>, name: string, password: string, code: string | undefined): Promise<{ user: User } | { response: Response }> => {
    const attempt = await guard.admit(name, d.clientAddress(c));
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfter));
      return { response: problem(c, 429, 'rate-limited', `Too many attempts; try again in ${attempt.retryAfter} s.`) };
    }
    const user = await store.userByName(name);
    // Hash even for an unknown name, so the answer's timing does not tell which names exist.
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH).then(() => false);
    if (!user || !ok) {
      await guard.failed(attempt);
      return { response: problem(c, 401, 'unauthenticated', 'The name or the password is wrong.') };
    }
    if (await secondFactor.enabled(user.id)) {
      // The attempt stays counted: clearing it here would let someone who has the password guess codes freely.
      if (code === undefined) return { response: problem(c, 401, 'totp-required', 'Enter the code from your authenticator app.') };
      if (!(await secondFactor.verify(user.id, code))) {
        await guard.failed(attempt);
        return { response: problem(c, 401, 'totp-wrong', 'The code is wrong or was used already; wait for the next one.') };
      }
    }
    await guard.succeeded(attempt);
    return { user };
  };

  app.post('/login', async (c) => {
    const body = await readJson(c, LoginBody);
    if (!body.ok) return body.response;
    const r = await check(c, body.value.name, body.value.password, body.value.code);
    return 'response' in r ? r.response : d.startSession(c, r.user);
  });

  /** The signed-in person (a session, not an API token: a token has no second factor to manage). */
  const self = async (c: Context<Env>): Promise<User | undefined> => {
    const p = c.get('principal');
    return p.kind === 'user' && p.via === 'session' ? store.userByName(p.name) : undefined;
  };
  const NO_SESSION = (c: Context) => problem(c, 403, 'forbidden', 'Only a person signed in to the console manages their second factor.');

  app.get('/me/totp', d.authenticate, async (c) => {
    const user = await self(c);
    return user ? c.json({ enabled: await secondFactor.enabled(user.id) }) : NO_SESSION(c);
  });

  app.post('/me/totp', d.authenticate, async (c) => {
    const user = await self(c);
    if (!user) return NO_SESSION(c);
    if (await secondFactor.enabled(user.id)) return problem(c, 409, 'totp-enabled', 'The second factor is on already; turn it off first.');
    const r = await secondFactor.begin(user.id, user.name);
    await store.appendAudit({ actor: user.name, action: 'totp.begin', target: user.name, detail: {} });
    return c.json(r, 201);
  });

  app.post('/me/totp/confirm', d.authenticate, async (c) => {
    const user = await self(c);
    if (!user) return NO_SESSION(c);
    const body = await readJson(c, TotpConfirmBody);
    if (!body.ok) return body.response;
    const attempt = await guard.admit(user.name, d.clientAddress(c));
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfter));
      return problem(c, 429, 'rate-limited', `Too many attempts; try again in ${attempt.retryAfter} s.`);
    }
    if (!(await secondFactor.confirm(user.id, body.value.code))) {
      await guard.failed(attempt);
      return problem(c, 422, 'totp-wrong', 'The code does not match; check the app and the clock, or begin again.');
    }
    await guard.succeeded(attempt);
    await store.appendAudit({ actor: user.name, action: 'totp.enable', target: user.name, detail: {} });
    return c.json({ enabled: true });
  });

  app.post('/me/totp/disable', d.authenticate, async (c) => {
    const user = await self(c);
    if (!user) return NO_SESSION(c);
    const body = await readJson(c, TotpDisableBody);
    if (!body.ok) return body.response;
    const r = await check(c, user.name, body.value.password, body.value.code);
    if ('response' in r) return r.response;
    await secondFactor.disable(user.id);
    await store.appendAudit({ actor: user.name, action: 'totp.disable', target: user.name, detail: {} });
    return c.json({ enabled: false });
  });

  app.delete('/users/:name/totp', d.authenticate, async (c) => {
    if (!allowed(c.get('principal'), 'people.manage')) return problem(c, 403, 'forbidden', 'This needs the people.manage permission.');
    const user = await store.userByName(c.req.param('name'));
    if (!user || !(await secondFactor.disable(user.id))) return problem(c, 404, 'not-found', 'Nobody with this name has a second factor.');
    const p = c.get('principal');
    await store.appendAudit({ actor: p.kind === 'user' ? p.name : 'device', action: 'totp.reset', target: user.name, detail: {} });
    return c.json({ enabled: false });
  });

  return app;
}

/** A real scrypt hash of nothing anybody knows, for unknown names. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

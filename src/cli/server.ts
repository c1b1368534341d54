import { nodePdfReader } from './node-pdf';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { verifyChain } from '../server/audit-chain';
import { ServerConfig } from '../server/config';
import { ensureDemo } from '../server/demo';
import { backfillIncidents } from '../server/incidents/backfill';
import { orgKeys } from '../server/org';
import { FORMATS, generateReport, PROFILES, verifyReport, type Format, type Profile } from '../server/reports';
import { hashPassword } from '../server/secrets';
import { startServer } from '../server/server';
import { SecondFactor } from '../server/second-factor';
import { openStore, ROLES, type Role } from '../server/store';

const USAGE = `Usage: npm run server -- <command> [options]
  start [--config FILE] [--data DIR] [--host H] [--port N] [--postgres URL] [--demo]
        Serve the API, the console and the SIEM forwarders. --demo makes a demo organisation on first start.
  verify-audit [--data DIR | --postgres URL]
        Check the audit trail's hash chain; exit 1 when it is broken.
  add-user NAME --role viewer|analyst|policy_admin|admin [--data DIR | --postgres URL]
        Add a person (or set a new password); the password is read from BULWARK_PASSWORD or made and printed.
  reset-totp NAME [--data DIR | --postgres URL]
        Turn off a person's second factor (a lost phone, when no other admin can do it in the console).
  backfill-incidents [--data DIR | --postgres URL]
        Open the incidents of events stored before incidents existed; run it once after upgrading.
  report [--config FILE | --data DIR | --postgres URL] --from YYYY-MM-DD --to YYYY-MM-DD
         --profile hipaa|gdpr|appi|generic --format json|pdf|html|csv [--out FILE]
        A signed compliance report over the days from and to (both included, UTC); JSON to standard output by default.
  verify-report FILE [--config FILE | --data DIR | --postgres URL]
        Check a report's signature with the organisation's key; exit 1 when the file was changed.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    postgres: { type: 'string' },
    role: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    profile: { type: 'string', default: 'generic' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    demo: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function config(): ServerConfig {
  const file = values.config ? (JSON.parse(readFileSync(values.config, 'utf8')) as Record<string, unknown>) : {};
  const r = ServerConfig.safeParse({
    ...file,
    ...(values.data ? { dataDir: values.data } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.postgres ? { postgresUrl: values.postgres } : process.env.BULWARK_POSTGRES_URL ? { postgresUrl: process.env.BULWARK_POSTGRES_URL } : {}),
  });
  if (!r.success) fail(`the configuration is not valid:\n${r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return r.data;
}

function fail(message: string): never {
  console.error(`bulwark: ${message}`);
  process.exit(2);
}

async function main() {
  const [command = 'start', ...rest] = positionals;
  if (values.help) return console.log(USAGE);
  const cfg = config();
  if (command === 'start') {
    // The demo's data goes in before the server starts, so that the reports it keeps at start hold it.
    const store = values.demo ? await openStore({ dataDir: cfg.dataDir, postgresUrl: cfg.postgresUrl, postgresPoolSize: cfg.postgresPoolSize }) : undefined;
    const login = store ? await ensureDemo(store, await orgKeys(store), cfg.dataDir) : undefined;
    const server = await startServer(cfg, { pdf: nodePdfReader(), store });
    const storeName = cfg.postgresUrl ? 'PostgreSQL' : `SQLite in ${cfg.dataDir}/`;
    console.log(`Bulwark backend on ${storeName}
  Console:   ${server.url}/${login ? `   sign in as ${login.name} / ${login.password}` : ''}${existsSync('.output/console/index.html') ? '' : '\n             (not built: npm run build:console)'}
  Extension: load .output/chrome-mv3 at chrome://extensions (Developer mode, Load unpacked)${login ? `
  Enroll it: managed settings {"serverUrl": "${server.url}", "enrollmentToken": "${login.enrollmentToken}"}
             (README, administrator's guide: where managed settings go on Linux, Windows and macOS)` : ''}
  Policy public key: ${server.keys.signingPublicKey}
Stop with Ctrl+C.`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const store = await openStore({ dataDir: cfg.dataDir, postgresUrl: cfg.postgresUrl });
  try {
    if (command === 'verify-audit') {
      const r = verifyChain(await store.audit());
      if (r.ok) console.log(`audit trail intact: ${r.entries} entries, head ${r.head}`);
      else console.error(`audit trail BROKEN at entry ${r.brokenAt}: ${r.reason}`);
      process.exitCode = r.ok ? 0 : 1;
    } else if (command === 'add-user') {
      const [name] = rest;
      const role = values.role as Role;
      if (!name || !ROLES.includes(role)) fail(USAGE);
      const given = process.env.BULWARK_PASSWORD;
      const password = given ?? randomBytes(12).toString('base64url');
      const hash = await hashPassword(password);
      if (await store.userByName(name)) {
        await store.setPassword(name, hash);
        await store.setRole(name, role);
      } else await store.addUser(name, hash, role);
      await store.appendAudit({ actor: 'command line', action: 'user.create', target: name, detail: { role } });
      console.log(given ? `${name} (${role}) is ready` : `${name} (${role}) is ready; password: ${password}`);
    } else if (command === 'reset-totp') {
      const user = rest[0] ? await store.userByName(rest[0]) : undefined;
      if (!user) fail(rest[0] ? `Nobody is called ${rest[0]}.` : USAGE);
      const changed = await new SecondFactor(store.db).disable(user.id);
      if (changed) await store.appendAudit({ actor: 'command line', action: 'totp.reset', target: user.name, detail: {} });
      console.log(changed ? `${user.name} signs in with the password alone now` : `${user.name} had no second factor`);
    } else if (command === 'report') {
      const day = /^\d{4}-\d{2}-\d{2}$/;
      const { from = '', to = '', profile = '', format = '' } = values;
      if (!day.test(from) || !day.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to) fail(`--from and --to are days (YYYY-MM-DD), from not after to\n${USAGE}`);
      if (!(profile in PROFILES)) fail(`--profile is one of ${Object.keys(PROFILES).join(', ')}`);
      if (!(FORMATS as readonly string[]).includes(format)) fail(`--format is one of ${FORMATS.join(', ')}`);
      const bytes = await generateReport(store, await orgKeys(store), { from, to, profile: profile as Profile, format: format as Format });
      if (values.out) {
        writeFileSync(values.out, bytes);
        console.error(`report written to ${values.out} (${bytes.length} bytes, signed)`);
      } else await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
    } else if (command === 'verify-report') {
      const [file] = rest;
      if (!file || !existsSync(file)) fail(file ? `${file} does not exist` : USAGE);
      const r = await verifyReport(readFileSync(file), await orgKeys(store));
      if (r.ok) console.log(`${file}: the signature holds; the report is as the organisation signed it`);
      else console.error(`${file}: NOT VALID: ${r.reason}`);
      process.exitCode = r.ok ? 0 : 1;
    } else if (command === 'backfill-incidents') {
      console.log(`${await backfillIncidents(store)} stored events joined an incident`);
    } else fail(USAGE);
  } finally {
    await store.close();
  }
}

main().catch((e: Error) => fail(e.message));

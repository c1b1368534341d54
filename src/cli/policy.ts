/**
 * npm run --silent policy -- keygen
 * npm run --silent policy -- sign FILE [--private-key KEY]      (or BULWARK_POLICY_PRIVATE_KEY)
 * npm run --silent policy -- verify FILE [--public-key KEY]     (or BULWARK_POLICY_PUBLIC_KEY)
 * npm run --silent policy -- check FILE
 * FILE is a policy, or a signed document {"policy", "signature"}; "-" reads standard input.
 * Keys are base64 (the output of keygen); a key argument may also be the path of a file that holds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { acceptSignedPolicy, generateKeyPair, parsePolicy, signPolicy } from '../core/policy';

class UsageError extends Error {}

function readJson(path: string): unknown {
  const text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path} is not JSON: ${(e as Error).message}`);
  }
}

function key(argv: string[], flag: string, env: string): string {
  const i = argv.indexOf(flag);
  const value = (i >= 0 ? argv[i + 1] : undefined) ?? process.env[env];
  if (!value) throw new UsageError(`give the key with ${flag} or ${env}`);
  return existsSync(value) ? readFileSync(value, 'utf8').trim() : value;
}

const isSigned = (doc: unknown): doc is { policy: unknown; signature?: unknown } => typeof doc === 'object' && doc !== null && 'policy' in doc;

export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, file] = argv;
  switch (command) {
    case 'keygen': {
      out(JSON.stringify(await generateKeyPair(), null, 2));
      return 0;
    }
    case 'check': {
      if (!file) throw new UsageError('check needs a FILE');
      const doc = readJson(file);
      const r = parsePolicy(isSigned(doc) ? doc.policy : doc);
      if (r.ok) {
        out(`valid: version ${r.policy.version}, ${r.policy.rules.length} rules`);
        return 0;
      }
      for (const e of r.errors) err(`${file}: ${e}`);
      return 1;
    }
    case 'sign': {
      if (!file) throw new UsageError('sign needs a FILE');
      const doc = readJson(file);
      const policy = isSigned(doc) ? doc.policy : doc;
      const r = parsePolicy(policy);
      if (!r.ok) {
        for (const e of r.errors) err(`${file}: ${e}`);
        return 1;
      }
      out(JSON.stringify(await signPolicy(policy, key(argv, '--private-key', 'BULWARK_POLICY_PRIVATE_KEY')), null, 2));
      return 0;
    }
    case 'verify': {
      if (!file) throw new UsageError('verify needs a FILE');
      const r = await acceptSignedPolicy(readJson(file), key(argv, '--public-key', 'BULWARK_POLICY_PUBLIC_KEY'));
      if (r.ok) {
        out(`valid signature: version ${r.policy.version}`);
        return 0;
      }
      err(`${file}: ${r.reason}: ${r.detail}`);
      return 1;
    }
    default:
      throw new UsageError('usage: npm run --silent policy -- keygen | sign FILE | verify FILE | check FILE');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      process.stderr.write(`policy: ${e.message}\n`);
      process.exitCode = 2;
    },
  );
}

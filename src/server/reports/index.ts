import type { OrgKeys } from '../org';
import type { Store } from '../store';
import { buildReport, type Profile } from './build';
import { render, withSignature, type Format } from './render';
import { signFile, verifyFile } from './sign';

export { PROFILES, type Profile, type Report } from './build';
export { FORMATS, type Format } from './render';

/** A compliance report over [from, to] (UTC days, both included), rendered and signed with the organisation's key. */
export async function generateReport(store: Store, keys: OrgKeys, opts: { from: string; to: string; profile: Profile; format: Format; now?: number }): Promise<Uint8Array> {
  const report = withSignature(await buildReport(store, opts), keys.signingPublicKey);
  return signFile(await render(report, opts.format), keys.signingPrivateKey);
}

/** Whether a report file is as the organisation signed it. */
export const verifyReport = (bytes: Uint8Array, keys: Pick<OrgKeys, 'signingPublicKey'>) => verifyFile(bytes, keys.signingPublicKey);

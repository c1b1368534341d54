/**
 * What a browser tells its server it runs, with every policy fetch and event batch (src/extension/background): the
 * extension's version and the version of the central policy in force on it (none while it runs the bundled or a
 * managed policy). Both are optional, so that older extensions and servers keep working with newer ones.
 */
export const EXTENSION_VERSION_HEADER = 'X-Bulwark-Extension-Version';
export const POLICY_VERSION_HEADER = 'X-Bulwark-Policy-Version';

/** The headers a browser sends. */
export function runningHeaders(extensionVersion: string, centralPolicyVersion: number | undefined): Record<string, string> {
  return { [EXTENSION_VERSION_HEADER]: extensionVersion, ...(centralPolicyVersion === undefined ? {} : { [POLICY_VERSION_HEADER]: String(centralPolicyVersion) }) };
}

/** What the server reads from them; a value that is not a version is ignored (the request still goes through). */
export function readRunning(header: (name: string) => string | undefined): { policyVersion?: number; extensionVersion?: string } {
  const ext = header(EXTENSION_VERSION_HEADER);
  const policy = header(POLICY_VERSION_HEADER);
  return {
    ...(ext && /^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/.test(ext) ? { extensionVersion: ext } : {}),
    ...(policy && /^[1-9][0-9]{0,8}$/.test(policy) ? { policyVersion: Number(policy) } : {}),
  };
}

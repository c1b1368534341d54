import { generic } from './generic';
import { providerTokens } from './providers';
import { credentialUrls } from './urls';

/** Credentials: service tokens by their format, URLs that carry a password, and secrets assigned to names. */
export const secretDetectors = [...providerTokens, ...credentialUrls, generic];

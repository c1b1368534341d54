import { assignments } from './assignments';
import { fileCredentials } from './files';
import { providerTokens } from './providers';
import { credentialUrls } from './urls';

/** Credentials: service tokens by their format, URLs that carry a password, and secrets read from structure. */
export const secretDetectors = [...providerTokens, ...credentialUrls, ...fileCredentials, assignments];

import type { Detector } from '../../types';
import { csvDetectors } from './files-csv';
import { dotfileDetectors } from './files-dotfiles';
import { hashDetectors } from './files-hashes';

/**
 * Credentials in the files people leak, read from each file's own positional format: netrc and pgpass
 * entries, password hashes (shadow, htpasswd, SQL dumps), Docker auths, PuTTY keys, Rails master keys and
 * saved-login CSV exports. Key-value syntaxes (env, INI, YAML, JSON, XML) are the assignment detectors' part.
 */
export const fileCredentials: Detector[] = [...dotfileDetectors, ...hashDetectors, ...csvDetectors];

import { token, type TokenSpec } from '../token';
import { ai } from './ai';
import { checked } from './checksums';
import { ci } from './ci';
import { cloud } from './cloud';
import { databases } from './databases';
import { email } from './email';
import { keys } from './keys';
import { messaging } from './messaging';
import { observability } from './observability';
import { payments } from './payments';
import { registries } from './registries';
import { saas } from './saas';
import { vcs } from './vcs';

/** Every provider format, one file per domain. */
export const providerSpecs: readonly TokenSpec[] = [
  ...cloud, ...vcs, ...ci, ...registries, ...checked, ...ai, ...payments, ...messaging, ...email, ...observability, ...saas, ...databases, ...keys,
];

/** Service tokens recognised by their provider's format. */
export const providerTokens = providerSpecs.map(token);

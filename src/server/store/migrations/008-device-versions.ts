import { sqlMigration } from './migration';

/**
 * What each device runs, as it last said (headers on its policy fetches and event batches): the policy version in
 * force on it and the extension's version. NULL: the device has not said yet (an older extension, or no contact).
 */
export const deviceVersions = sqlMigration(8, 'device-versions', () => [
  `ALTER TABLE devices ADD COLUMN policy_version BIGINT`,
  `ALTER TABLE devices ADD COLUMN extension_version TEXT`,
]);

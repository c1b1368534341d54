import { tables } from './001-tables';
import { partitionedEvents } from './002-partitioned-events';
import { siemDelivery } from './003-siem-delivery';
import { limits } from './004-limits';
import { incidents } from './005-incidents';
import { savedViews } from './006-saved-views';
import { partners } from './007-partners';
import { deviceVersions } from './008-device-versions';
import { coaching } from './009-coaching';
import { requests } from './010-requests';
import type { Migration } from './migration';

export { sqlMigration, type Migration } from './migration';

/** Every migration, in the order they apply. A new one goes at the end with the next number. */
export const MIGRATIONS: readonly Migration[] = [tables, partitionedEvents, siemDelivery, limits, incidents, savedViews, partners, deviceVersions, coaching, requests];

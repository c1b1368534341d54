/** Writes public/managed_schema.json from the zod schema (npm run managed-schema); a test checks it is current. */
import { writeFileSync } from 'node:fs';
import { chromeManagedSchema } from '../core/policy';

export const managedSchemaText = (): string => `${JSON.stringify(chromeManagedSchema(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../../public/managed_schema.json', import.meta.url), managedSchemaText());
  console.log('public/managed_schema.json written');
}

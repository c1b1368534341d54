import type { Detector } from '../../types';
import { credentialLike } from './placeholder';
import { B } from './token';

const CREDENTIAL = '[^\\s:@/"\'`<>]{1,128}';
const PASSWORD = '[^\\s@/"\'`<>]{1,128}';

/** Database connection strings and other URLs that carry a password. */
export const credentialUrls: Detector[] = [
  {
    id: 'secret.database-url',
    type: 'SECRET',
    category: 'secret',
    description: 'Database connection string with a password',
    keywords: ['mongodb', 'mysql', 'postgres', 'redis', 'amqp', 'mssql', 'sqlserver', 'mariadb', 'oracle', 'jdbc:'],
    window: { after: 1200 },
    patterns: [{
      name: 'db-url',
      regex: new RegExp(`${B}(?:jdbc:)?(?:mongodb(?:\\+srv)?|mysql|mariadb|postgres(?:ql)?|redis|rediss|amqps?|mssql|sqlserver|oracle):\\/\\/${CREDENTIAL}:(${PASSWORD})@[A-Za-z0-9._-]{1,253}(?::\\d{1,5})?(?:\\/[^\\s"'\`<>]{0,512})?`, 'gd'),
      score: 0.95,
    }],
    validate: (v) => credentialLike(passwordOf(v)),
    examples: {
      match: [{ text: 'DB=postgres://api_user:myC0mpl3xPwd@db.internal.com:5432/api_db', value: 'postgres://api_user:myC0mpl3xPwd@db.internal.com:5432/api_db' }],
      noMatch: ['mongodb://username:password@localhost:27017/database', 'mysql://user:${PASSWORD}@example.com:3306/db', 'postgresql://db.server.com:5432/production'],
    },
  },
  {
    id: 'secret.url-credentials',
    type: 'SECRET',
    category: 'secret',
    description: 'URL with a user name and password (basic auth)',
    keywords: ['://'],
    window: { after: 1200 },
    patterns: [{
      name: 'basic-auth-url',
      regex: new RegExp(`${B}(?:https?|ftps?|sftp|ssh|git|smb|ldaps?):\\/\\/${CREDENTIAL}:${PASSWORD}@[A-Za-z0-9._-]{1,253}(?::\\d{1,5})?(?:\\/[^\\s"'\`<>)]{0,512})?`, 'g'),
      // Above an email's score: "user:pass@host" holds an email-shaped part, but the secret is what matters.
      score: 0.95,
    }],
    validate: (v) => credentialLike(passwordOf(v)),
    examples: {
      match: [{ text: 'https://apiuser:r3alP4ssw0rd@api.production.com' }],
      noMatch: ['https://${username}:${password}@api.example.com/v1', 'https://user:abc@api.com/v1', 'https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com'],
    },
  },
];

/**
 * The secret part of scheme://user:password@host (a password may itself contain "@"). GitHub's
 * "TOKEN:x-oauth-basic@" form carries the token as the user name.
 */
function passwordOf(url: string): string {
  const m = /:\/\/([^:@/\s]*):(\S*)@[^@]*$/.exec(url);
  if (!m) return '';
  return m[2] === 'x-oauth-basic' ? m[1]! : m[2]!;
}


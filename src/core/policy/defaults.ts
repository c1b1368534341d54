import { Policy } from './schema';

/**
 * The policy that protects from the first minute, before any administrator configures anything: warn before
 * PHI or secrets leave through any channel on any site, block secrets into generative AI, ask why before
 * intellectual property goes into it, audit personal data, and treat content that cannot be scanned as if it held
 * PHI and secrets.
 */
export const DEFAULT_POLICY: Policy = Policy.parse({
  version: 1,
  name: 'Bulwark default',
  rules: [
    {
      id: 'secrets-to-generative-ai',
      description: 'Credentials pasted or uploaded into an AI assistant are gone for good.',
      match: { categories: ['secret'], destinations: ['generative-ai'] },
      action: 'block',
    },
    {
      id: 'ip-to-generative-ai',
      description: 'Structures, sequences, source code, marked documents and the organisation\'s own data going into an AI assistant.',
      match: { categories: ['ip'], destinations: ['generative-ai'] },
      action: 'warn',
      requireJustification: true,
    },
    { id: 'warn-phi', description: 'Health information with a patient identifier.', match: { categories: ['phi'] }, action: 'warn' },
    { id: 'warn-secrets', description: 'Passwords, keys and tokens.', match: { categories: ['secret'] }, action: 'warn' },
    { id: 'audit-pii', description: 'Personal data, recorded for review.', match: { categories: ['pii'] }, action: 'audit' },
  ],
});

import { z } from 'zod';
import type { DestinationCategory } from './schema';

/** "mail.google.com", "*.slack.com" (any subdomain), or "*" (every host). Lower case, no scheme, no path. */
export const HostPattern = z
  .string()
  .regex(/^(?:\*|(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/, 'a host such as "mail.google.com" or "*.slack.com", lower case, without scheme or path');

/**
 * The bundled lists of destination hosts. An administrator adds hosts per kind in the policy (`destinations`);
 * a host on no list is `unknown`.
 */
export const BUNDLED_DESTINATIONS: Record<Exclude<DestinationCategory, 'unknown'>, readonly string[]> = {
  'generative-ai': [
    'chatgpt.com', 'chat.openai.com', 'claude.ai', 'gemini.google.com', 'aistudio.google.com', 'copilot.microsoft.com',
    'm365.cloud.microsoft', 'perplexity.ai', '*.perplexity.ai', 'poe.com', 'chat.mistral.ai', 'chat.deepseek.com',
    'character.ai', 'you.com', 'www.meta.ai', 'grok.com', 'huggingface.co', 'chat.qwen.ai', 'pi.ai',
  ],
  webmail: [
    'mail.google.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'mail.yahoo.com', 'mail.proton.me',
    'app.fastmail.com', 'mail.aol.com', 'www.icloud.com', 'mail.zoho.com', 'mail.zoho.eu',
  ],
  collaboration: [
    'app.slack.com', '*.slack.com', 'teams.microsoft.com', 'teams.live.com', 'discord.com', '*.atlassian.net', 'www.notion.so',
    'notion.so', 'trello.com', 'app.asana.com', 'miro.com', 'app.clickup.com', 'web.whatsapp.com', 'web.telegram.org',
  ],
  'file-sharing': [
    'drive.google.com', 'docs.google.com', 'www.dropbox.com', 'dropbox.com', 'wetransfer.com', '*.wetransfer.com', 'app.box.com',
    '*.box.com', 'onedrive.live.com', '*.sharepoint.com', 'mega.nz', 'www.mediafire.com', 'www.sendspace.com', 'www.filemail.com',
    '*.pcloud.com',
  ],
};

/** "*" matches every host, "*.example.com" every subdomain of example.com, anything else itself. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** The kinds of destination a host belongs to (it may be on several lists), or ["unknown"]. */
export function destinationCategories(host: string, extra: Partial<Record<DestinationCategory, readonly string[]>> = {}): DestinationCategory[] {
  const found: DestinationCategory[] = [];
  for (const [category, hosts] of Object.entries(BUNDLED_DESTINATIONS) as [Exclude<DestinationCategory, 'unknown'>, readonly string[]][])
    if ([...hosts, ...(extra[category] ?? [])].some((p) => hostMatches(p, host))) found.push(category);
  return found.length ? found : ['unknown'];
}

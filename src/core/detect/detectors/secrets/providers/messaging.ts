import { B, type TokenSpec } from '../token';
import { fake, named, uuid, UUID, UUID_ANY } from './shape';

/** Chat, messaging, voice and community platforms: Slack, Discord, Telegram, Teams, Twilio and others. */
export const messaging: TokenSpec[] = [
  {
    id: 'slack-token', description: 'Slack bot, user or legacy token', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    regex: `${B}xox[abpors]-[0-9A-Za-z-]{10,250}(?![A-Za-z0-9-])`,
    match: [`xoxb-${'1'.repeat(11)}-${'2'.repeat(13)}-${fake('a62', 24, 'slackbot')}`, `xoxp-${'3'.repeat(11)}-${'4'.repeat(11)}-${'5'.repeat(13)}-${fake('hex', 32, 'slackuser')}`], noMatch: ['xoxb-12'],
  },
  {
    id: 'slack-app-token', description: 'Slack app-level token', keywords: ['xapp-'],
    regex: `${B}xapp-\\d-[A-Z0-9]{8,14}-\\d{8,16}(?:-[a-z0-9]{32,80})?(?![A-Za-z0-9-])`,
    match: [`xapp-1-A0${fake('uc36', 9, 'xapp')}-${'7'.repeat(13)}-${fake('hex', 64, 'xapp2')}`], noMatch: ['xapp-1-short'],
  },
  {
    id: 'slack-config-token', description: 'Slack configuration access or refresh token', keywords: ['xoxe.xox', 'xoxe-'],
    regex: `${B}(?:xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{150,170}|xoxe-\\d-[A-Za-z0-9]{140,150})(?![A-Za-z0-9])`,
    match: [`xoxe.xoxp-1-${fake('a62', 163, 'xoxe')}`, `xoxe-1-${fake('a62', 146, 'xoxe2')}`], noMatch: ['xoxe-1-short'],
  },
  {
    id: 'slack-webhook', description: 'Slack incoming webhook or workflow URL', keywords: ['hooks.slack.com'],
    regex: `(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,200}`,
    match: [`https://hooks.slack.com/services/T${fake('uc36', 8, 'sw1')}/B${fake('uc36', 10, 'sw2')}/${fake('a62', 24, 'sw3')}`], noMatch: ['https://api.slack.com/web'],
  },
  {
    id: 'discord-webhook', description: 'Discord webhook URL', keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], window: { before: 40, after: 160 },
    regex: `https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,68}`,
    match: [`https://discord.com/api/webhooks/${'1'.repeat(18)}/${fake('b64u', 68, 'dw')}`], noMatch: ['https://discord.com/api/webhooks/123/abc'],
  },
  {
    id: 'discord-bot-token', description: 'Discord bot token near the name Discord', keywords: ['discord'], window: { before: 200, after: 200 },
    regex: `${B}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])`, score: 0.85,
    match: [{ text: `DISCORD_TOKEN=M${fake('b64u', 25, 'dbot')}.${fake('b64u', 6, 'dbot2')}.${fake('b64u', 38, 'dbot3')}`, value: `M${fake('b64u', 25, 'dbot')}.${fake('b64u', 6, 'dbot2')}.${fake('b64u', 38, 'dbot3')}` }], noMatch: ['discord: Mabc.def.ghi'],
  },
  named('discord-client-secret', 'Discord client secret, API key or client ID next to its name', ['discord'], '(?:[0-9a-f]{64}|[A-Za-z0-9_-]{32}|\\d{18})', fake('b64u', 32, 'dsecret'), { common: true }),
  {
    id: 'telegram-bot-token', description: 'Telegram bot token', keywords: [':aa'], window: { before: 24, after: 48 },
    regex: `(?<![A-Za-z0-9_:])\\d{8,10}:AA[A-Za-z0-9_-]{32,33}(?![A-Za-z0-9_-])`,
    match: [`${'6'.repeat(10)}:AA${fake('b64u', 33, 'tg')}`], noMatch: ['12345:AAshort'],
  },
  {
    id: 'teams-webhook', description: 'Microsoft Teams incoming webhook URL', keywords: ['webhook.office.com', 'outlook.office.com/webhook'], window: { before: 60, after: 300 },
    regex: `https://(?:[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/[A-Za-z0-9_-]{20,80})?`,
    flags: 'i',
    match: [`https://acme.webhook.office.com/webhookb2/${uuid('t1')}@${uuid('t2')}/IncomingWebhook/${fake('hex', 32, 't3')}/${uuid('t4')}`], noMatch: ['https://acme.webhook.office.com/webhookb2/abc'],
  },
  {
    // "SK" alone would be a keyword found in every other word ("task", "disk"): the name Twilio must be near.
    id: 'twilio-key', description: 'Twilio API key SID near the name Twilio', keywords: ['twilio'], window: { before: 300, after: 300 },
    regex: `${B}SK[0-9a-f]{32}(?![A-Za-z0-9_])`, score: 0.8, match: [{ text: `TWILIO_API_KEY=SK${fake('hex', 32, 'twilio')}`, value: `SK${fake('hex', 32, 'twilio')}` }], noMatch: [`twilio SKU${fake('hex', 32, 'twilio')}`, `SK${fake('hex', 32, 'twilio')}`],
  },
  named('twilio-auth-token', 'Twilio auth token next to its name', ['twilio'], '[0-9a-f]{32}', fake('hex', 32, 'twauth')),
  {
    id: 'twilio-account-credentials', description: 'Twilio account SID with its auth token', keywords: ['twilio'], window: { before: 300, after: 300 },
    regex: `${B}AC[0-9a-f]{32}[\\s"',:;=]{1,40}(?:[\\w.-]{0,40}[\\s"':=]{1,6})?([0-9a-f]{32})(?![A-Za-z0-9_])`, group: 1, score: 0.85,
    match: [{ text: `client = twilio.Client("AC${fake('hex', 32, 'twsid')}", "${fake('hex', 32, 'twtok')}")`, value: fake('hex', 32, 'twtok') }], noMatch: [`twilio AC${fake('hex', 32, 'twsid')}`],
  },
  named('slack-signing-secret', 'Slack app signing or client secret next to its name', ['slack_signing', 'slack_client_secret', 'slack_app_secret', 'slack_secret'], '[0-9a-f]{32}', fake('hex', 32, 'slacksign')),
  named('mattermost-token', 'Mattermost access token next to its name', ['mattermost'], '[a-z0-9]{26}', fake('lc36', 26, 'mattermost')),
  named('sendbird-token', 'Sendbird API token or application ID next to its name', ['sendbird'], `(?:[0-9a-f]{40}|${UUID_ANY})`, fake('hex', 40, 'sendbird')),
  named('messagebird-key', 'MessageBird (Bird) access key or client ID next to its name', ['messagebird', 'message_bird', 'message-bird'], `(?:${UUID_ANY}|[A-Za-z0-9]{25})`, fake('a62', 25, 'mbird')),
  named('vonage-secret', 'Vonage (Nexmo) API secret next to its name', ['vonage', 'nexmo'], '[A-Za-z0-9]{16}', fake('a62', 16, 'nexmo')),
  named('plivo-token', 'Plivo auth token next to its name', ['plivo'], '[A-Za-z0-9]{40}', fake('a62', 40, 'plivo')),
  named('pusher-secret', 'Pusher Channels app secret next to its name', ['pusher'], '[0-9a-f]{20}', fake('hex', 20, 'pusher'), { common: true }),
  named('ably-key', 'Ably API key next to its name', ['ably'], '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{30,50}', `${fake('b64u', 6, 'ably')}.${fake('b64u', 6, 'ably2')}:${fake('b64u', 43, 'ably3')}`, { common: true }),
  named('line-token', 'LINE Messaging API channel access token next to its name', ['line_channel', 'line_access', 'line_notify'], '[A-Za-z0-9+/=]{40,200}', fake('b64', 172, 'line'), { window: { before: 16, after: 400 } }),
  named('zoom-secret', 'Zoom app client secret or JWT secret next to its name', ['zoom'], '[A-Za-z0-9]{32}', fake('a62', 32, 'zoom'), { common: true }),
  named('intercom-token', 'Intercom access token next to its name', ['intercom'], '[A-Za-z0-9=_-]{58,62}', fake('b64u', 60, 'intercom'), { common: true }),
  named('pushover-token', 'Pushover API token next to its name', ['pushover'], '[a-z0-9]{30}', fake('lc36', 30, 'pushover')),
  named('gitter-token', 'Gitter access token next to its name', ['gitter'], '[a-z0-9_-]{40}', fake('lc36', 40, 'gitter')),
  {
    id: 'twitch-stream-key', description: 'Twitch stream key', keywords: ['live_'], window: { before: 16, after: 80 },
    regex: `${B}live_\\d{6,12}_[A-Za-z0-9]{30,36}(?![A-Za-z0-9_])`, score: 0.85,
    match: [`live_${'4'.repeat(9)}_${fake('a62', 30, 'twitch')}`], noMatch: ['live_123_abc', 'go_live_now'],
  },
  named('twitch-token', 'Twitch API token next to its name', ['twitch'], '[a-z0-9]{30}', fake('lc36', 30, 'twitchapi'), { common: true }),
  named('pagerduty-key', 'PagerDuty API or integration key next to its name', ['pagerduty', 'pager_duty'], '(?:u\\+[A-Za-z0-9_+-]{18}|[A-Za-z0-9_+-]{20}|[0-9a-f]{32})', fake('hex', 32, 'pagerduty')),
  named('opsgenie-key', 'Opsgenie API key (a UUID) next to its name', ['opsgenie'], UUID, uuid('opsgenie')),
];

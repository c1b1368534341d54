import { B, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid, UUID } from './shape';

/** E-mail and marketing delivery: SendGrid, Mailgun, Mailchimp, Postmark, Brevo, Mailjet, Resend and others. */
export const email: TokenSpec[] = [
  {
    id: 'sendgrid-key', description: 'SendGrid API key', keywords: ['sg.'],
    regex: `${B}SG\\.[A-Za-z0-9=_.-]{66}(?![A-Za-z0-9=_.-])`, match: [`SG.${fake('b64u', 22, 'sg1')}.${fake('b64u', 43, 'sg2')}`], noMatch: ['SG.short.value'],
  },
  {
    id: 'mailgun-key', description: 'Mailgun private API key', keywords: ['key-'], window: { before: 200, after: 64 },
    // "key-" alone is everywhere: the name Mailgun (or its "mg" abbreviation) must stand before the value.
    regex: `(?:[Mm]ailgun|MAILGUN|\\bmg|\\bMG)[\\s\\S]{0,40}?(?<![A-Za-z0-9])(key-[0-9a-f]{32})(?![A-Za-z0-9_])`, group: 1,
    match: [{ text: `MAILGUN_API_KEY=key-${fake('hex', 32, 'mailgun')}`, value: `key-${fake('hex', 32, 'mailgun')}` }], noMatch: [`key-${fake('hex', 32, 'mailgun')}`],
  },
  prefixed('mailgun-public-key', 'Mailgun public validation key', 'pubkey-', 'hex', 32, { score: 0.7 }),
  named('mailgun-signing-key', 'Mailgun webhook signing key next to its name', ['mailgun', 'mg_signing'], '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}', `${fake('hex', 32, 'mgs1')}-${fake('hex', 8, 'mgs2')}-${fake('hex', 8, 'mgs3')}`),
  {
    id: 'mailchimp-key', description: 'Mailchimp API key', keywords: ['-us'], window: { before: 48, after: 16 },
    regex: `${B}[0-9a-f]{32}-us\\d{1,2}(?![A-Za-z0-9_])`, match: [`${fake('hex', 32, 'mailchimp')}-us14`], noMatch: ['release-us14'],
  },
  named('mandrill-key', 'Mailchimp Transactional (Mandrill) API key next to its name', ['mandrill'], '(?:md-)?[A-Za-z0-9_-]{22}', `md-${fake('b64u', 22, 'mandrill')}`),
  named('postmark-token', 'Postmark server or account token (a UUID) next to its name', ['postmark', 'x-postmark-server-token', 'x-postmark-account-token'], UUID, uuid('postmark')),
  {
    id: 'brevo-key', description: 'Brevo (Sendinblue) API or SMTP key', keywords: ['xkeysib-', 'xsmtpsib-'],
    regex: `${B}x(?:keysib|smtpsib)-[0-9a-f]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9_])`, match: [`xkeysib-${fake('hex', 64, 'brevo')}-${fake('a62', 16, 'brevo2')}`], noMatch: ['xkeysib-abc-def'],
  },
  named('mailjet-key', 'Mailjet API key or secret next to its name', ['mailjet', 'mj_apikey'], '[0-9a-f]{32}', fake('hex', 32, 'mailjet')),
  named('sparkpost-key', 'SparkPost API key next to its name', ['sparkpost'], '[0-9a-f]{40}', fake('hex', 40, 'sparkpost')),
  named('resend-key', 'Resend API key next to its name', ['resend'], 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', `re_${fake('a62', 8, 'resend')}_${fake('a62', 24, 'resend2')}`, { common: true }),
  named('mailersend-token', 'MailerSend API token', ['mailersend'], 'mlsn\\.[0-9a-f]{64}', `mlsn.${fake('hex', 64, 'mailersend')}`, { extraKeywords: ['mlsn.'] }),
  named('loops-key', 'Loops API key next to its name', ['loops'], '[0-9a-f]{32}', fake('hex', 32, 'loops'), { common: true }),
  named('customerio-key', 'Customer.io API key next to its name', ['customerio', 'customer_io', 'customer.io'], '[0-9a-f]{20,32}', fake('hex', 32, 'customerio')),
  named('klaviyo-key', 'Klaviyo private API key', ['klaviyo'], 'pk_[0-9a-f]{34}', `pk_${fake('hex', 34, 'klaviyo')}`),
  named('convertkit-secret', 'ConvertKit (Kit) API secret next to its name', ['convertkit'], '[A-Za-z0-9_-]{43}', fake('b64u', 43, 'convertkit')),
  named('smtp2go-key', 'SMTP2GO API key', ['smtp2go'], 'api-[0-9A-F]{32}', `api-${fake('HEX', 32, 'smtp2go')}`),
  {
    id: 'phpmailer-credentials', description: 'SMTP password in a PHPMailer setup', keywords: ['->password'], window: { before: 400, after: 120 },
    regex: `\\$mail->Password\\s*=\\s*['"]([^'"\\s]{4,100})['"]`, group: 1, score: 0.85,
    match: [{ text: `$mail->isSMTP();\n$mail->Username = 'noreply@example.com';\n$mail->Password = '${fake('a62', 14, 'phpmailer')}';`, value: fake('a62', 14, 'phpmailer') }], noMatch: ["$mail->Password = '';"],
  },
];

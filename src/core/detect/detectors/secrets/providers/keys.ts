import { B, type TokenSpec } from '../token';
import { fake } from './shape';

/** Keys and signed tokens that belong to no single provider: JWTs, PEM and OpenSSH keys, WireGuard, framework secrets. */
export const keys: TokenSpec[] = [
  {
    id: 'jwt', description: 'JSON Web Token', keywords: ['eyj'],
    regex: `${B}eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{8,8000}\\.[A-Za-z0-9_-]{16,2000}`, score: 0.85,
    match: [`eyJhbGciOiJIUzI1NiJ9.eyJ${fake('b64u', 40, 'jwt')}.${fake('b64u', 43, 'jwt2')}`],
    noMatch: ['eyJhbGciOiJIUzI1NiJ9 alone'],
  },
  {
    // The body stops at the next "-----": a key's lines, its headers (Proc-Type, DEK-Info) and the quotes and
    // escapes of a key pasted as a string literal, but never past another BEGIN, so each BEGIN costs its own key.
    // PGP blocks carry armor headers first ("Version: GnuPG v2", "Comment: ..."), a line each.
    id: 'private-key', description: 'PEM, OpenSSH or PGP private key', keywords: ['private key-----', 'private key block-----'], window: { before: 64, after: 12500 },
    regex: '-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----(?:\\\\[nr]|[\\r\\n\\s"\'+])+(?:(?:Version|Comment|Hash|Charset|MessageID): [^\\r\\n]{0,200}(?:\\r?\\n|\\\\n)){0,6}(?:[A-Za-z0-9+/=\\s:,"\']|-(?!----)|\\\\[nr]){40,12000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----',
    match: [
      `-----BEGIN RSA PRIVATE KEY-----\nMIICWwIBAAKBgQCYdGaf5uYMsilGHfnx${'Ab3dE5fG7h'.repeat(6)}\n-----END RSA PRIVATE KEY-----`,
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2.0.22 (GNU/Linux)\nComment: made up\n\nlQOYBF${'Zx3kQ9mLp2'.repeat(7)}\n=Ab3d\n-----END PGP PRIVATE KEY BLOCK-----`,
    ],
    noMatch: ['-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n'],
    validate: (v) => (v.replace(/\\n|[^A-Za-z0-9+/]/g, '').length >= 64 ? undefined : false),
  },
  {
    // A PEM file base64-encoded once more (Kubernetes secrets, CI variables): "-----BEGIN " is "LS0tLS1CRUdJTi".
    id: 'private-key-base64', description: 'Base64-encoded PEM private key', keywords: ['ls0tls1crudjti'], window: { before: 16, after: 12500 },
    regex: `${B}LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,40}(?:UFJJVkFURSBLRVk|BSSVZBVEUgS0VZ|QUklWQVRFIEtFW)[A-Za-z0-9+/]{40,12000}={0,2}`,
    match: [btoa(`-----BEGIN RSA PRIVATE KEY-----\nMIIE${fake('b64', 160, 'b64pem')}\n-----END RSA PRIVATE KEY-----\n`)], noMatch: [btoa('-----BEGIN CERTIFICATE-----\nMIIB')],
  },
  {
    // A JWT encoded in base64 once more (a Kubernetes secret, a CI variable): "eyJ" becomes "ZXlK".
    id: 'jwt-base64', description: 'Base64-encoded JSON Web Token', keywords: ['zxlk'], window: { before: 8, after: 4000 },
    regex: `${B}ZXlK[A-Za-z0-9+/]{40,4000}={0,2}(?![A-Za-z0-9+/=])`, score: 0.85,
    validate: (v) => {
      try {
        return /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./.test(atob(v.slice(0, v.length - (v.length % 4)))) ? undefined : false;
      } catch {
        return false;
      }
    },
    match: [btoa(`eyJhbGciOiJIUzI1NiJ9.eyJ${fake('b64u', 40, 'jwt64')}.${fake('b64u', 43, 'jwt64b')}`)], noMatch: [btoa(`eyJhbGciOiJIUzI1NiJ9 and some more text to be long enough`)],
  },
  {
    id: 'wireguard-key', description: 'WireGuard private or preshared key in its configuration', keywords: ['privatekey', 'presharedkey'], window: { before: 8, after: 80 },
    regex: `(?:PrivateKey|PresharedKey)\\s{0,4}=\\s{0,4}([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`, group: 1,
    match: [{ text: `[Interface]\nPrivateKey = ${fake('b64', 42, 'wg')}A=`, value: `${fake('b64', 42, 'wg')}A=` }], noMatch: ['PrivateKey = <your key>'],
  },
  {
    id: 'django-secret-key', description: 'Django SECRET_KEY in settings', keywords: ['secret_key'], window: { before: 16, after: 140 },
    regex: `(?<![A-Za-z0-9_])SECRET_KEY\\s{0,4}=\\s{0,4}r?["']((?:django-insecure-)?[^"'\\s]{40,100})["']`, group: 1, score: 0.8,
    validate: (v) => (/[^A-Za-z0-9]/.test(v) && /\d/.test(v) ? undefined : 0.6),
    match: [{ text: `SECRET_KEY = 'django-insecure-${fake('a62', 20, 'dj')}#@!$${fake('lc36', 24, 'dj2')}'`, value: `django-insecure-${fake('a62', 20, 'dj')}#@!$${fake('lc36', 24, 'dj2')}` }],
    noMatch: ["SECRET_KEY = os.environ['SECRET_KEY']"],
  },
  {
    id: 'rails-secret-key-base', description: 'Rails secret_key_base', keywords: ['secret_key_base'], window: { before: 8, after: 200 },
    regex: `secret_key_base["']?\\s{0,4}(?:[:=]|=>)\\s{0,4}["']?([0-9a-f]{128})(?![0-9a-f])`, group: 1,
    match: [{ text: `secret_key_base: ${fake('hex', 128, 'rails')}`, value: fake('hex', 128, 'rails') }], noMatch: ['secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>'],
  },
  {
    id: 'laravel-app-key', description: 'Laravel APP_KEY', keywords: ['app_key'], window: { before: 8, after: 80 },
    regex: `APP_KEY\\s{0,4}=\\s{0,4}["']?base64:([A-Za-z0-9+/]{43}=)`, group: 1,
    match: [{ text: `APP_KEY=base64:${fake('b64', 43, 'laravel')}=`, value: `${fake('b64', 43, 'laravel')}=` }], noMatch: ['APP_KEY='],
  },
  {
    id: 'kubernetes-bootstrap-token', description: 'Kubernetes bootstrap token', keywords: ['token', 'bootstrap'], window: { before: 60, after: 60 },
    regex: `(?:-token[= ]|token:\\s{0,4}["']?|bootstrap[\\w.-]{0,20}[=:]\\s{0,4}["']?)([a-z0-9]{6}\\.[a-z0-9]{16})(?![a-z0-9])`, group: 1, score: 0.85,
    match: [{ text: `kubeadm join 10.0.0.1:6443 --token ${fake('lc36', 6, 'k8s')}.${fake('lc36', 16, 'k8s2')}`, value: `${fake('lc36', 6, 'k8s')}.${fake('lc36', 16, 'k8s2')}` }], noMatch: ['--token abcdef.short'],
  },
];

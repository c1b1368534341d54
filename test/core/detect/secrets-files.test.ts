import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngine, Engine } from '../../../src/core/detect';
import { fileCredentials } from '../../../src/core/detect/detectors/secrets/files';
import { credentialUrls } from '../../../src/core/detect/detectors/secrets/urls';

// Made-up but realistic files of each format (test/fixtures/secrets/files): each credential is found by its
// format's detector with the value as its span, and nothing else in the file is reported.
const fixture = (name: string): string => readFileSync(resolve(import.meta.dirname, '../../fixtures/secrets/files', name), 'utf8');
const engine = new Engine([...fileCredentials, ...credentialUrls]);
const found = (text: string): [string, string][] => engine.scan(text).findings.map((f) => [f.detector, text.slice(f.start, f.end)]);

const FILES: [string, [string, string][]][] = [
  ['netrc', [
    ['secret.netrc', '3f7a1c9e-52b8-4d0f-9a6e-1c2b3d4e5f60'],
    ['secret.netrc', 'git.example.net'], ['secret.netrc', 'ci-bot'], ['secret.netrc', 'Qv8 #mZ2!pL'],
    ['secret.netrc', 'backup'], ['secret.netrc', 'Tq4$wN8zKp'],
  ]],
  ['pgpass', [
    ['secret.pgpass', 'Hq7#kL2pVz9'],
    ['secret.pgpass', 'R3port!ng-2024'],
    ['secret.pgpass', 'Pg4dm1n\\:x\\\\y'],
    ['secret.pgpass', 'Rb8mZq2xW'],
    ['secret.pgpass', 'S0ck3tPw!'],
  ]],
  ['htpasswd', [
    ['secret.password-hash', '$apr1$Tn4Vb8Qw$m3Mj4GoYYvOJqpaUdPf5i/'],
    ['secret.password-hash', '{SHA}K/iPKtn6fdeWfYzNjADmdI1dMg8='],
    ['secret.password-hash', '$2y$12$w2CE9f46PLcli4OApVWiqe1O3pLgTjP7mgxeXBgvB.ZzRAY5C9PmG'],
    ['secret.htpasswd-des', 'Rka5pvCgrSnAU'],
  ]],
  ['shadow', [
    ['secret.password-hash', '$6$Qm3xT9vK$6O5zi9K4.nQxRcxeOferpHbJ3ucWcywNUBamgZ8kxR07rZ5X2sIuTpMb1sOcNmpjHJjVUvNxJ2gyoapcohEY/.'],
    ['secret.password-hash', '$y$j9T$F2mLq8RzT5vW1xK3$2aFTcPez9BDbzewL/eKPPoc/iUmDJxKdK8pP9R.ebG1'],
    ['secret.htpasswd-des', 'Rka5pvCgrSnAU'],
    ['secret.password-hash', '$5$Lp8Rw2Zs$.FXiA08IWv8LSZw2K80YkUZSUo1TZOZ8YckiAKCS2j9'],
    ['secret.password-hash', '$1$Xy7Kq2Lm$lijaYKNjBUEFX3PpEYqSD.'],
  ]],
  ['dump.sql', [
    ['secret.password-hash', '$2y$10$Lq3Vd8nQe5mK2xYp7TcR4uJ0oWbZs9Fh1gA6iN3vC8kD2eL5rM4tO'],
    ['secret.sql-dump-password', '5f1d7a84db00d2fab7c1b2e3f4a5b6c7'],
    ['secret.sql-dump-password', '3c1e9f8a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e'],
    ['secret.mysql-native-hash', '*2F9B7D1A6E3C05C48A2B9F1E7D6C3A0B5E8F4D27'],
  ]],
  ['pg_dump.sql', [
    ['secret.password-hash', 'pbkdf2_sha256$260000$Xq8Lm2Rt5Vw9$kQ3n7Yb1Tc5Vx9Zd2Fg6Hj0Lm4Np8Qs2Uw6Ya0Ce4Gi='],
    ['secret.sql-dump-password', '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'],
  ]],
  ['docker-config.json', [['secret.docker-auth', 'Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr']]],
  ['dockercfg', [['secret.docker-auth', 'cm9ib3Qrc3luYzpQN3FtIUx4MnpWOWs=']]],
  ['master.key', [['secret.rails-master-key', '8e3f1a9c5b7d2e4f6a0c1b3d5e7f9a2c']]],
  ['env', [['secret.rails-master-key', '9b2e7c4a1f8d3e06a5c2b9f1e7d4a3c8']]],
  ['chrome-passwords.csv', [
    ['secret.saved-logins-csv', 'Vq8#mL2pZx'],
    ['secret.saved-logins-csv', 'pa,ss""w0rd'],
    ['secret.saved-logins-csv', 'Rt4!\nmulti-line'],
  ]],
  ['firefox-logins.csv', [['secret.saved-logins-csv', 'Hk3!tR9wQm'], ['secret.saved-logins-csv', 'Fm2$zQ8vLp']]],
  ['bitwarden.csv', [['secret.saved-logins-csv', 'Bw7!qZ2mXc']]],
  ['git-credentials', [
    ['secret.url-credentials', 'kim'], ['secret.url-credentials', 'p@ss!#w0rd'], ['secret.url-credentials', 'github.com'],
    ['secret.url-credentials', 'ci-bot'], ['secret.url-credentials', 'Tk9%40xL%23q2'], ['secret.url-credentials', 'gitlab.example.net'],
    ['secret.url-credentials', 'x-access-token'], ['secret.url-credentials', 'Zq8mL2pVx7RtK3nW'], ['secret.url-credentials', 'git.example.org'],
  ]],
  ['urls.txt', [
    ['secret.url-credentials', 'backup'], ['secret.url-credentials', 'Bk3!uP9z'], ['secret.url-credentials', 'ftp.example.org'],
    ['secret.url-credentials', 'deploy'], ['secret.url-credentials', 'Dp7#qL2w'], ['secret.url-credentials', 'files.example.net:2222'],
    ['secret.url-credentials', 'CORP;svc_scan'], ['secret.url-credentials', 'Sc4n$2024x'], ['secret.url-credentials', 'fs01.example.local'],
    ['secret.url-credentials', 'cn=reader,dc=example,dc=org'], ['secret.url-credentials', 'Ld4p!r3ad'], ['secret.url-credentials', 'ldap.example.org:389'],
    ['secret.database-url', 'R3d1s!Pw9'], ['secret.database-url', 'cache.example.net:6379'],
    ['secret.database-url', 'app'], ['secret.database-url', 'Mq8$zP2k'], ['secret.database-url', 'rabbit.example.net:5672'],
  ]],
  ['pwdump.txt', [
    ['secret.ntlm-hash', 'aad3b435b51404eeaad3b435b51404ee:7a21990fcd3d759941e45c490f143d5f'],
    ['secret.ntlm-hash', 'aad3b435b51404eeaad3b435b51404ee:2b576acbe6bcfda7294d6bd18041b8fe'],
  ]],
  ['mysql_history', [
    ['secret.sql-password-statement', 'Sh0p!2024x'],
    ['secret.sql-password-statement', 'R00t#pw9q'],
    ['secret.sql-password-statement', 'Rp7$kQ2mz'],
  ]],
  ['npmrc', [['secret.npmrc-auth', 'Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr'], ['secret.npmrc-auth', 'WnE4I0xtMnZQeDdr']]],
  ['ftpd.passwd', [['secret.htpasswd-des', 'Rka5pvCgrSnAU'], ['secret.password-hash', '$1$Xy7Kq2Lm$lijaYKNjBUEFX3PpEYqSD.']]],
  ['otr.private_key', [['secret.sexp-private-key', fixture('otr.private_key').slice(fixture('otr.private_key').indexOf('(private-key'), fixture('otr.private_key').indexOf('\n )\n)'))]]],
  ['msmtprc', [['secret.msmtprc', 'Mq7!vL2pXz9']]],
  ['svn.simple', [['secret.svn-cached-password', 'Sv9#kQ2m!xLp']]],
  ['near-misses.txt', []],
];

describe('credentials in the files people leak', () => {
  it.each(FILES)('%s: each credential found with its span, nothing else', (name, expected) => {
    expect(found(fixture(name))).toEqual(expected);
  });

  it('finds PuTTY keys as whole blocks, encrypted or not, and says which', () => {
    for (const [name, encrypted] of [['id_ed25519.ppk', false], ['id_rsa_encrypted.ppk', true]] as const) {
      const text = fixture(name);
      const [f, ...rest] = engine.scan(text).findings;
      expect(rest).toEqual([]);
      expect(f!.detector).toBe('secret.putty-private-key');
      expect(text.slice(f!.start, f!.end)).toBe(text.trimEnd());
      expect(f!.why.join(' ')).toContain(encrypted ? ' encrypted' : 'unencrypted');
    }
  });

  it('never puts the value in the explanation', () => {
    for (const [name] of FILES) {
      const text = fixture(name);
      for (const f of engine.scan(text).findings) {
        const value = text.slice(f.start, f.end);
        for (const why of f.why) expect(why.includes(value), `${name}: ${why}`).toBe(false);
      }
    }
  });

  it('labels every file with a credential SECRET in the default engine', () => {
    for (const [name, expected] of FILES) if (expected.length) expect(defaultEngine().scan(fixture(name)).labels, name).toContain('SECRET');
  });
});

describe('netrc', () => {
  it('reads entries on one line or many, quoted passwords, and stops at a sentence', () => {
    expect(found('machine h.example login u password p4ss-W0rd')).toEqual([['secret.netrc', 'h.example'], ['secret.netrc', 'u'], ['secret.netrc', 'p4ss-W0rd']]);
    expect(found('echo "machine api.example.net login kim password Zk8mQ2xL" > ~/.netrc')).toEqual([['secret.netrc', 'api.example.net'], ['secret.netrc', 'kim'], ['secret.netrc', 'Zk8mQ2xL']]);
    expect(found('The default login password for the machine is on the label.')).toEqual([]);
    expect(found('machine example.com login kim password <password>')).toEqual([]);
  });
});

describe('pgpass', () => {
  it('needs the exact five fields, a plausible host and port', () => {
    expect(found('db.example.net:5432:app:app:Zq8#mL2p')).toEqual([['secret.pgpass', 'Zq8#mL2p']]);
    expect(found('db.example.net:99999:app:app:Zq8#mL2p')).toEqual([]);
    expect(found('db.example.net:5432:app:app:Zq8#mL2p:extra')).toEqual([]);
    expect(found('123:5432:app:app:Zq8#mL2p')).toEqual([]);
    expect(found('note: db.example.net:5432:app:app:Zq8#mL2p')).toEqual([]);
  });
});

describe('password hashes', () => {
  it('takes each scheme at its exact length', () => {
    const bcrypt = '$2b$12$w2CE9f46PLcli4OApVWiqe1O3pLgTjP7mgxeXBgvB.ZzRAY5C9PmG';
    expect(found(`hash: ${bcrypt}`)).toEqual([['secret.password-hash', bcrypt]]);
    expect(found(`hash: ${bcrypt.slice(0, -1)}`)).toEqual([]);
    expect(found(`hash: ${bcrypt}x`)).toEqual([]);
    expect(found('$2y$10$ is the prefix of a bcrypt hash')).toEqual([]);
    expect(found('{SHA}K/iPKtn6fdeWfYzNjADmdI1dMg==')).toEqual([]); // 19 bytes: not a SHA-1 digest
  });

  it('reads hex digests only in a password column of a dump', () => {
    expect(found("INSERT INTO files (id, md5) VALUES (1, '5f1d7a84db00d2fab7c1b2e3f4a5b6c7');")).toEqual([]);
    expect(found("INSERT INTO users (id, passwd) VALUES (1, '5f1d7a84db00d2fab7c1b2e3f4a5b6c7');")).toEqual([['secret.sql-dump-password', '5f1d7a84db00d2fab7c1b2e3f4a5b6c7']]);
  });
});

describe('Docker auths', () => {
  it('decodes the auth and needs user:password', () => {
    const auth = (s: string) => `{"auths":{"r.example.net":{"auth":"${btoa(s)}"}}}`;
    expect(found(auth('robot:Zq8#Lm2vPx7k'))).toEqual([['secret.docker-auth', btoa('robot:Zq8#Lm2vPx7k')]]);
    expect(found(auth('robot:'))).toEqual([]);
    expect(found(auth('robot:${PASSWORD}'))).toEqual([]);
    expect(found(auth('no colon here at all'))).toEqual([]);
  });
});

describe('credential URLs', () => {
  it('ends the password at the last @ before the host, and decodes percent-encoding before judging it', () => {
    expect(found('git clone https://kim:p@ss@w0rd!@git.example.org/team/repo.git')).toEqual([['secret.url-credentials', 'kim'], ['secret.url-credentials', 'p@ss@w0rd!'], ['secret.url-credentials', 'git.example.org']]);
    expect(found('https://kim:pass%21w0rd@git.example.org')).toEqual([['secret.url-credentials', 'kim'], ['secret.url-credentials', 'pass%21w0rd'], ['secret.url-credentials', 'git.example.org']]);
    expect(found('https://kim:%24%7BPASS%7D@git.example.org')).toEqual([]);
    expect(found('https://kim:x@example.org?next=a@b.example')).toEqual([]);
  });
});

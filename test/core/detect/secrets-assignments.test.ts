import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/detect/engine';
import type { Finding } from '../../../src/core/detect/types';
import { assignments } from '../../../src/core/detect/detectors/secrets/assignments';
import { judgeName } from '../../../src/core/detect/detectors/secrets/names';
import { echoesName, isPlaceholder, isReference, looksTyped } from '../../../src/core/detect/detectors/secrets/placeholder';

// The detector alone: what it finds is what these tests say, whatever the provider detectors find beside it.
const engine = new Engine([assignments]);
/** The user names and hosts reported beside a password (companions.ts) are tested on their own below. */
const isCompanion = (f: Finding): boolean => f.why.some((w) => /beside a password|^user argument/.test(w));
const credentials = (text: string): Finding[] => engine.scan(text).findings.filter((f) => !isCompanion(f));
const found = (text: string): string[] => credentials(text).map((f) => text.slice(f.start, f.end));
const fixture = (name: string): string => readFileSync(resolve(import.meta.dirname, '../../fixtures/secrets', name), 'utf8');

/** Every made-up credential of each fixture, and nothing else (placeholders, references and non-secret names stay). */
const FILES: Record<string, string[]> = {
  'app.env': ['base64:qsR6RZ24lPoQj3oPUlieI2nVsbBi1RMar1jf3YZ4Zq0=', 'hunter22', 'Xk9#mQ2$vL8p', 'rk_live_HwqxDqMrz4iKFJpKp4mSxieB', 'FwoGZXIvYXdzEJr9Kq2Lm8Np4Rs7Tu1Wx5Yz0Ab6Cd2E'],
  'settings.ini': ['admin123', 'Qw7!rT5#yU'],
  'application.properties': ['S3cr3tPass', '8xK2mQ9vL4pR7tW1zB5nC3'],
  'config.yml': ['Tr0ub4dor&3', 'Zt8Kq3Lm9Np2Rs6Tu0Wx4Yb7', 'qazWSX12'],
  'config.toml': ['correct-h0rse-7', 'CVB8iY4qw2oF5WJKBQx4'],
  'appsettings.json': ['Sup3r!Pass', 'mailPa55word', 'hunter22', 'a7Kd9Qm2Xz5Lp8Rt3Vw6Yb1Nc4'],
  'sitemanager.xml': ['ZnRwUGFzczIwMjQh'],
  'web.config': ['w3bC0nf!g', 'Crm#2024pw', 'dEpl0y-Key9', 'xmlElem42'],
  'wp-config.php': ['wpPass!789', 'x8#Kp2!vQ@9zL$4mN&7wR*3tY^6uB%1eJ0hG', 'T5&gH8*jK2(lZ4)xC7-vB1+nM3=qW6~eR9', 'phpVar55', 'pmaSecret1'],
  'settings.py': ['dj4ngo-1^u&hw#^q-29%+i2(=28lsml', 'etlLoad42', 'Rk7Pq2Xm9Lv4Nz8Tb3Wc6'],
  'client.js': ['n0deSecret!', 'javaSet99', 'Hx7Kp3Lm9Qr2Tv6Wy0Zb'],
  'Other.cs': ['cSharp#77', 'javaStr88', 'goAssign66', 'rubySym44', 'Rb9Kx2Lm7Qp4Vt1Wz'],
  'commands.sh': ['MyR00tPw', 'Bkp#2024x', 'cliPass77', 'Yt7Kq2Lm9Np4Rs8Tu1Wx5Zb3', 'Ym9iOmh1bnRlcjIy', 'qryPass55'],
  'request.http': ['Mz8Kq2Xw5Lp9Rt3Vb7Nc1Yd', 'Pq4Lm8Zx2Kv7Rt1Wn5Bc9'],
  'build.gradle': ['andr0idStore', 'andr0idKey'],
  'server.conf': ['R3d1sConf!', '{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='],
  bash_history: ['Ssh#Pass81', 'R3disAuth9', 'M0ngoR00t!', 'D0ckerHub7', 'Curl#Pw42', 'Pg4Hist0ry', 'Pwsh#Plain42'],
  'misc.conf': ['fetchM41l', 'Sql#User55', 'pgR0le!77', 'cshPw991', 'dockerPw55', '{AQAAABAAAAAQx8Yk2Lm9Qp4Rs7Tv1Wz5Nb3Hc6=}', 'Qx7Lm2Rk9Tz4Vw8Np3Bc6Yd1', 'Np7Kx2Qm9Lz4Rv8Tb3Wc6Yd1'],
};

describe('credentials in real-looking files of each syntax', () => {
  it.each(Object.entries(FILES))('%s: every credential, nothing else', (name, values) => {
    expect(found(fixture(name)).sort()).toEqual([...new Set(values)].sort());
  });
});

describe('syntaxes, one line each; the span is the value', () => {
  it.each([
    ['DB_PASSWORD=hunter22', 'hunter22', 'env assignment'],
    ["export MYSQL_ROOT_PASSWORD='Xk9#mQ2$vL8p'", 'Xk9#mQ2$vL8p', 'shell export'],
    ['password = admin123', 'admin123', 'ini key'],
    ['db.password=S3cr3tPass', 'S3cr3tPass', 'ini key'],
    ['  password: hunter22', 'hunter22', 'yaml key'],
    ['password = "Xk9#mQ2$vL8p"', 'Xk9#mQ2$vL8p', 'assignment'],
    ['{"auth": {"password": "hunter22"}}', 'hunter22', 'json key'],
    ['<password>hunter22</password>', 'hunter22', 'xml element'],
    ['<Pass encoding="base64">aHVudGVyMjI=</Pass>', 'aHVudGVyMjI=', 'xml element'],
    ['<server host="h" password="Tr0ub4dor!" />', 'Tr0ub4dor!', 'xml attribute'],
    ['<entry key="password">entryPw42</entry>', 'entryPw42', 'xml element'],
    ['<password value="selfCl0sed!" />', 'selfCl0sed!', 'xml element'],
    ['<property name="hibernate.connection.password" value="hib3rnate" />', 'hib3rnate', 'name/value pair'],
    ["define('DB_PASSWORD', 'admin123');", 'admin123', 'php define'],
    ["$password = 'hunter22';", 'hunter22', 'php variable'],
    ["$cfg['Servers'][$i]['password'] = 'pmaSecret1';", 'pmaSecret1', 'array key'],
    ["connect(host='db', password='hunter22')", 'hunter22', 'keyword argument'],
    ['user.setPassword("hunter22");', 'hunter22', 'setter call'],
    [":password => 'hunter22',", 'hunter22', 'hash key'],
    ['"password" => "hunter22",', 'hunter22', 'hash key'],
    ['password := "hunter22"', 'hunter22', 'go assignment'],
    ['Server=h;User Id=u;Password=Sup3r!Pass;', 'Sup3r!Pass', 'connection string'],
    ['Driver={SQL Server};Server=h;Uid=u;Pwd=hunter22;', 'hunter22', 'connection string'],
    ['jdbc:sqlserver://h:1433;databaseName=db;user=sa;password=hunter22;', 'hunter22', 'connection string'],
    ['https://h.example.com/login?user=bob&password=hunter22&next=1', 'hunter22', 'query parameter'],
    ['app --password=hunter22 --verbose', 'hunter22', 'command-line flag'],
    ['app --password hunter22', 'hunter22', 'command-line flag'],
    ["mysql -u root -p'Bkp#2024x' shop", 'Bkp#2024x', "command-line flag 'mysql'"],
    ['Authorization: Basic Ym9iOmh1bnRlcjIy', 'Ym9iOmh1bnRlcjIy', 'http header (basic)'],
    ['"Authorization": "Bearer Yt7Kq2Lm9Np4Rs8Tu1Wx5Zb3"', 'Yt7Kq2Lm9Np4Rs8Tu1Wx5Zb3', 'http header (bearer)'],
    ['X-Api-Key: Pq4Lm8Zx2Kv7Rt1Wn5Bc9', 'Pq4Lm8Zx2Kv7Rt1Wn5Bc9', 'yaml key'],
    ["define( 'SECURE_AUTH_SALT', 'T5&gH8*jK2(lZ4)xC7-vB1+nM3=qW6~eR9' );", 'T5&gH8*jK2(lZ4)xC7-vB1+nM3=qW6~eR9', 'php define'],
    ['const password: string = "tsTyped9"', 'tsTyped9', 'yaml key'],
    ['  secret_key_base: 9c2f6e1a7b3d8f4e0a5c2b7d9e1f3a6c8b0d2e4f6a8c0e2b4d6f8a0c2e4b6d8f0a', '9c2f6e1a7b3d8f4e0a5c2b7d9e1f3a6c8b0d2e4f6a8c0e2b4d6f8a0c2e4b6d8f0a', 'yaml key'],
    ['    //"password": "subl1meSftp",', 'subl1meSftp', 'json key'],
    ['{\\"password\\":\\"esc4pedJs0n\\",\\"user\\":\\"x\\"}', 'esc4pedJs0n', 'json key'],
    ['set :password, "c4pistrano!"', 'c4pistrano!', 'ruby symbol'],
    ['ssh_options[:password] = "rubyOpt99"', 'rubyOpt99', 'assignment'],
    ['db.password:Pr0psColon', 'Pr0psColon', 'yaml key'],
    ['bindpw = ldapB1nd!', 'ldapB1nd!', 'ini key'],
    ['stripe.api.key=Qm7Xk2Lz9Rv4Tn8Wb3', 'Qm7Xk2Lz9Rv4Tn8Wb3', 'ini key'],
    ['export MAILGUN_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0', 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0', 'shell export'],
    ["SET PASSWORD FOR 'root'@'localhost' = PASSWORD('mySqlR00t');", 'mySqlR00t', 'setter call'],
    ['<PublishProfile publishUrl="x.scm.example.net:443" userName="$site" userPWD="Pub7Kx2Qm9Lz4Rv8" />', 'Pub7Kx2Qm9Lz4Rv8', 'xml attribute'],
    ['if username == "jojoba" and password == "team10":', 'team10', 'comparison'],
    ['if (user.password !== "0pen-sesame") {', '0pen-sesame', 'comparison'],
  ])('%s', (text, value, syntax) => {
    const [f, ...rest] = credentials(text);
    expect(rest).toEqual([]);
    expect(text.slice(f!.start, f!.end)).toBe(value);
    expect(f!.why.join(' ')).toContain(syntax);
    expect(f!.why.join(' ')).not.toContain(value);
    expect(f!.type).toBe('SECRET');
    expect(f!.category).toBe('secret');
  });

  it('reports the user name and host on a password\'s line with it, never alone or from another line', () => {
    const all = (text: string) => engine.scan(text).findings.map((f) => text.slice(f.start, f.end));
    expect(all('Server=db1.corp.local;User Id=app_rw;Password=Sup3rS3cret!;')).toEqual(['db1.corp.local', 'app_rw', 'Sup3rS3cret!']);
    expect(all('psexec \\\\10.0.94.120 -u Administrator -p Dev#adm1n cmd')).toEqual(['Administrator', 'Dev#adm1n']);
    expect(all('var c = new NetworkCredential("svc_mail", "Vz9hlaQuk!");')).toEqual(['svc_mail', 'Vz9hlaQuk!']);
    expect(all('DB_USER=app_rw\nDB_PASSWORD=Sup3rS3cret!')).toEqual(['Sup3rS3cret!']);
    expect(all('DB_USER=app_rw\nDB_HOST=db1.corp.local')).toEqual([]);
  });

  it('names the syntax and the name in the explanation, never the value', () => {
    const [f] = engine.scan('db:\n  db_password: "hunter22"').findings;
    expect(f!.why[0]).toMatch(/^yaml key 'db_password'/);
  });

  it('scores strong names with real values high, weak values and weaker names lower', () => {
    const score = (t: string) => engine.scan(t).findings[0]?.score ?? 0;
    expect(score('api_key = "Zt8Kq3Lm9Np2Rs6Tu0Wx4Yb7"')).toBeGreaterThanOrEqual(0.8);
    expect(score('password = "Xk9#mQ2$vL8p"')).toBeGreaterThanOrEqual(0.8);
    expect(score('password = "4711"')).toBeLessThan(score('password = "hunter22"'));
    expect(score('the password is Tr0ub4dor')).toBeLessThan(score('password: Tr0ub4dor'));
  });
});

describe('names in other languages and in prose', () => {
  it.each([
    ['Passwort: geheim123', 'geheim123'],
    ['Kennwort = Fr1tz!', 'Fr1tz!'],
    ['mot de passe : azerty123', 'azerty123'],
    ['mdp=soleil42', 'soleil42'],
    ['contraseña: Clave2024', 'Clave2024'],
    ['senha = "br4sil!"', 'br4sil!'],
    ['wachtwoord: Tulp3n!', 'Tulp3n!'],
    ['parola: R0ma2024', 'R0ma2024'],
    ['hasło: Krak0w!', 'Krak0w!'],
    ['パスワード：hunter22', 'hunter22'],
    ['密码: wang1234', 'wang1234'],
    ['비밀번호: seoul2024!', 'seoul2024!'],
    ['the password is Tr0ub4dor', 'Tr0ub4dor'],
    ['pw: hunter22', 'hunter22'],
    ['my password: hunter22', 'hunter22'],
    ['contraseña es Hunter22', 'Hunter22'],
    ['Das Passwort ist Sommer2024.', 'Sommer2024'],
    ["Ensure the password for user 'postgres' is 'admin' or change it.", 'admin'],
    ['echo "The password is \'Secret123\'"', 'Secret123'],
  ])('%s', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    'Pass --disable-silent-rules to configure',
    'jwt.sign(payload, key)',
    'press any key to continue',
    'the secret to success is patience',
    'token bucket rate limiting',
    'Click the password field and type',
    'the password is incorrect',
    'Password: Enter the password you chose',
    'Forgot your password? Reset it here.',
    'pass the token to the next middleware',
    'A key: value store',
    'Release GPG key: 9554F04D7259F04124DE6B476D5A82AC7E37093B',
    'alert(42 ? "PASS" : "FAIL")',
    'if (password == "x") return',
    '[![codecov](https://codecov.io/gh/o/r/graph/badge.svg?token=37tZMQE0Sy)](https://codecov.io/gh/o/r)',
    '"MasterUserPassword: " + getMasterUserPassword()',
    "  // optionally pass 'prng' with a custom PRNG implementation",
    'usan la palabra clave "dotenv" en npm',
    'docker run -p 8080:80 nginx',
    'mysql -u root -p shop',
    'certtool: honor --ask-pass when loading a private key',
    'gpg: Fix regression for non-default --passphrase-repeat option.',
    'gpg: Support --passphrase with --quick-gen-key.',
    'make -pass option work with token buffers',
    '(gpgsm_cert_use_sign_p): Add arg silent and pass to cert_usage_p.',
    'Convert the password to UCS2.',
    'The password is UCS2-encoded before hashing',
    'The password is 8 characters long',
    "localStorage.setItem('token', 'jwt_abc123');",
    '* man/pl/login.1, man/pl/passwd.1: cleanups: added missing fR.',
    '* man/ja/vipw.8: 0cb8db0f1f19de7690f0ef9baeceb919  vipw.8',
    '* README: s#password: cvs#password: [empty password]#',
    'awk -F: \'$3 >= 1000\' | passwd "$1 >= 1000 && $1 < 60000 {print $1}"',
  ])('leaves prose and code alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('weak passwords that repeat their name', () => {
  it('are reported, with a lower score: they top every list of leaked passwords', () => {
    for (const [text, value] of [['password: secret123', 'secret123'], ['pass = "pa$$word"', 'pa$$word'], ['DB_PASSWORD=P@ssw0rd', 'P@ssw0rd']] as const) {
      const [f, ...rest] = credentials(text);
      expect(rest).toEqual([]);
      expect(text.slice(f!.start, f!.end)).toBe(value);
      expect(f!.score).toBe(0.6);
    }
    expect(found('api_key = "secret123"')).toEqual([]);
  });
});

describe('placeholders, references and non-secret names are left alone', () => {
  it.each([
    'password: ""', 'password=', 'password: ${DB_PASSWORD}', 'password=$DB_PASSWORD', 'password = %(db_password)s', 'password: "{{ db_password }}"',
    'password=<password>', 'password: changeme', 'password: xxx', "password: '***'", 'password: your-password-here', 'PASSWORD=REPLACE_ME',
    'password: null', 'password: None', 'password: true', 'password: false', 'password: 123',
    'password = os.environ["DB_PASSWORD"]', 'password = getenv("DB_PASSWORD")', 'password: process.env.DB_PASSWORD,', 'password = config.password',
    'password: string;', 'password?: string', 'password: Option<String>', '"password": {"type": "string"}', 'password VARCHAR(255) NOT NULL',
    'password = ?', 'password = :password', 'WHERE password = @password', 'password = %s', 'PASSWORD=super$ecret', 'PWD=/home/bob/src',
    "const password = given ?? randomBytes(12).toString('base64url');", 'pw = opts || fallback', 'password = entered if ok else None',
    'password = DB_PASSWORD', 'password: pw,', 'password = user_password', "pwd = (char *) (p + 1);",
    "export DATABASE_PASSWORD=\"'$PRECOMPILE_PASSWORD'\"", '"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"',
    'password_min_length: 12', 'token_url: https://oauth.example.com/token', "passwordField: 'input#pw'", 'secret_name: prod-db',
    'public_key: "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"', 'tokenizer = "Wb2Kx8Lq5Zr1Tm7Nv3Pc"', 'password_hint: "first pet"', 'show_password: true',
    'key_id: "Kd8Lm2Qx7Zp4Rv1Tn"', 'cache_key = "Zx9Kq2Lm7Np4Rs8Tu1"', 'api_key: "1234567890abcdefghij"', 'token: "a1b2c3d4e5f6g7h8i9j0"',
    'password: "{password}"', 'bypass: 12345678', 'print("password: %s" % pw)', 'see https://user:pass@host', 'compass = "N4Ex9Kq2"',
    'ANY_KEY = ZHVtbXkgdGV4dCBkYXRhIGRhdGEgZGF0YQ==', 'CACHE_KEY=Zq8Lm2Rk9Tz4Vw8Np3Bc6Yd1', 'pass lint.', 'Pass through', 'Password hunter',
    'secret: "MySecretKeyForDevelopment"', 'SECRET_HASH="something-with-a-#-hash"', 'api_key = "your_api_key_here"',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('knows placeholders, references and typed-in examples', () => {
    for (const v of ['', '${X}', '$X', '%(x)s', '{{ x }}', '<password>', 'changeme', 'xxx', '***', 'your-password-here', 'REPLACE_ME', 'null', 'None', 'true', 'string', '...'])
      expect(isPlaceholder(v), v).toBe(true);
    for (const v of ['hunter22', 'admin123', 'Xk9#mQ2$vL8p', '$2y$10$abcdefghijklmnopqrstuv', '$6$rounds=5000$salt$hash']) expect(isPlaceholder(v), v).toBe(false);
    expect(isReference('os.environ', '[')).toBe(true);
    expect(isReference('getenv', '(')).toBe(true);
    expect(isReference('process.env.X')).toBe(true);
    expect(isReference('DB_PASSWORD')).toBe(true);
    expect(isReference('hunter22')).toBe(false);
    expect(echoesName('P@ssw0rd!')).toBe(true);
    expect(echoesName('admin123')).toBe(false);
    expect(looksTyped('a1b2c3d4e5f6g7h8')).toBe(true);
    expect(looksTyped('Zt8Kq3Lm9Np2Rs6Tu0Wx4Yb7')).toBe(false);
  });

  it('judges names by their head and their qualifiers', () => {
    for (const n of ['password', 'DB_PASSWORD', 'mysqlPassword', 'spring.datasource.password', 'db_pass', 'passwd', 'pwd', 'client_secret', 'api_key', 'X-Api-Key', 'AUTH_KEY', 'SECURE_AUTH_SALT', 'access_token', 'private_key', 'aws_secret_access_key', 'Passwort', 'contraseña', 'password_confirm'])
      expect(judgeName(n), n).toBeDefined();
    for (const n of ['password_min_length', 'token_url', 'passwordField', 'secret_name', 'key_id', 'public_key', 'tokenizer', 'password_hint', 'show_password', 'key', 'cache_key', 'bypass', 'passenger', 'monkey', 'max_tokens', 'DB_PASSWORD_FILE'])
      expect(judgeName(n), n).toBeUndefined();
  });

  it('remembers a verdict per name and word before, never across them (and past the memo\'s bound)', () => {
    for (let round = 0; round < 2; round++) {
      expect(judgeName('key', 'API')).toEqual({ kind: 'key', score: 0.8 });
      expect(judgeName('key', 'press')).toBeUndefined();
      expect(judgeName('key')).toBeUndefined();
      expect(judgeName('token', 'next')).toBeUndefined();
      expect(judgeName('token')).toEqual({ kind: 'token', score: 0.8 });
      // Thousands of new names start the memo again; the verdicts stay the same.
      for (let i = 0; i < 5000; i++) judgeName(`field${i}_password`);
    }
    expect(judgeName('field4999_password')).toEqual({ kind: 'password', score: 0.85 });
  });

  it('finds the names without an ASCII anchor inside the words of a text of many scripts', () => {
    const text = 'Notiz – für Zoë: das hasło: Krak0w! und\nпароль=Xk9#mQ2!vL8p, 密码：Zt8Kq3Lm9Np2 (ok)\nlösenord = "Sv3nsk!a"';
    expect(found(text)).toEqual(['Krak0w!', 'Xk9#mQ2!vL8p', 'Zt8Kq3Lm9Np2', 'Sv3nsk!a']);
  });
});

/**
 * A deterministic mixed corpus for benchmarks: clinical notes, business mail, source code and logs, with
 * identifiers and secrets sprinkled at realistic rates. Generated, so that no real person's data is needed.
 */
import { random } from '../random';

const FIRST = ['Anna', 'James', 'Maria', 'Wei', 'Fatima', 'Lars', 'Priya', 'Carlos', 'Olga', 'Kwame'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Kowalski', 'Okafor', 'Lindqvist', 'Patel', 'Rossi', 'Ivanova', 'Mensah'];
const DRUGS = ['metformin', 'lisinopril', 'atorvastatin', 'apixaban', 'sertraline', 'omeprazole'];
const DX = ['type 2 diabetes', 'hypertension', 'atrial fibrillation', 'COPD', 'major depressive disorder', 'CKD stage 3'];

export const KINDS = ['clinical', 'business', 'code', 'logs', 'prose', 'config'] as const;
export type Kind = (typeof KINDS)[number];
/** The kinds the default mix draws from (configuration files stand apart, as the bench's second corpus). */
const MIXED: readonly Kind[] = ['clinical', 'business', 'code', 'logs', 'prose'];
const HOSTS = ['api', 'db', 'cache', 'auth', 'worker', 'gateway'];

/** `bytes` of generated text: of one kind, or (the default) the mixed kinds with a few rare secrets and IDs. */
export function mixedCorpus(bytes: number, seed = 42, only?: Kind): string {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (digits: number) => Array.from({ length: digits }, () => Math.floor(r() * 10)).join('');
  const byKind: Record<Kind, () => string> = {
    clinical: () => `Patient ${pick(FIRST)} ${pick(LAST)} (MRN ${n(8)}), ${40 + Math.floor(r() * 45)}-year-old with ${pick(DX)}, seen at Lakeside Clinic on March ${1 + Math.floor(r() * 27)}, 2024. Continue ${pick(DRUGS)} ${n(2)} mg daily; recheck A1c in 3 months. Call ${n(3)}-555-${n(4)} with questions.\n`,
    business: () => `Hi team,\nthe Q${1 + Math.floor(r() * 4)} batch record review for lot ${n(6)} is attached. Deviation CAPA-${n(4)} is closed; the stability data look fine and the client signed off. Please send comments to ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@example.com by Friday.\nThanks\n`,
    code: () => `export function total(items: Item[]): number {\n  // sums the line amounts in cents\n  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);\n}\nconst API_BASE = "https://api.example.com/v2";\n`,
    logs: () => `2024-05-${10 + Math.floor(r() * 18)}T12:${n(2)}:${n(2)}Z INFO request id=${n(12)} path=/api/orders/${n(6)} status=200 duration_ms=${n(3)} client=10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}\n`,
    config: () => {
      const clock = () => `${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
      const host = `${pick(HOSTS)}-${Math.floor(r() * 9)}`, ip = `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
      return pick([
        () => `# .env for ${host}\nNODE_ENV=production\nPORT=${3000 + Math.floor(r() * 100)}\nDATABASE_URL=postgres://app@${host}.internal:5432/orders\nLOG_LEVEL=info\nFEATURE_FLAGS=checkout,search\n`,
        () => `services:\n  ${host}:\n    image: registry.example.com/${pick(HOSTS)}:1.${Math.floor(r() * 20)}.${Math.floor(r() * 9)}\n    replicas: ${1 + Math.floor(r() * 5)}\n    ports:\n      - "${8000 + Math.floor(r() * 99)}:8080"\n    environment:\n      TIMEOUT_MS: "${n(4)}"\n`,
        () => `{"service":"${host}","version":"2.${Math.floor(r() * 9)}.${Math.floor(r() * 9)}","listen":{"host":"0.0.0.0","port":${8000 + Math.floor(r() * 99)}},"upstreams":["${ip}:8080"],"retries":${Math.floor(r() * 5)},"tls":true}\n`,
        () => `${ip} - - [12/May/2024:${clock()} +0000] "GET /api/v2/orders/${n(6)} HTTP/1.1" 200 ${n(4)} "-" "Mozilla/5.0 (X11; Linux x86_64)"\n`,
        () => `May 12 ${clock()} ${host} systemd[1]: Started ${pick(HOSTS)}.service - Order ${pick(HOSTS)} daemon.\nMay 12 ${clock()} ${host} sshd[${n(4)}]: Accepted publickey for deploy from ${ip} port ${1024 + Math.floor(r() * 60000)} ssh2\n`,
        () => `server {\n    listen 443 ssl;\n    server_name ${host}.example.com;\n    location /api/ {\n        proxy_pass http://${ip}:8080;\n        proxy_read_timeout ${n(2)}s;\n    }\n}\n`,
      ])();
    },
    prose: () => `The granulation step uses microcrystalline cellulose and magnesium stearate; blend uniformity passed at ${n(2)}.${n(1)} percent. Hold time before compression must not exceed 48 hours per the master batch record.\n`,
  };
  const kinds = only ? [byKind[only]] : MIXED.map((k) => byKind[k]);
  const rare = [
    () => `SSN on file: 536-${n(2)}-${n(4)}\n`,
    () => `card 4111 1111 1111 1111 exp 09/27\n`,
    () => `AWS_SECRET_ACCESS_KEY=${Array.from({ length: 40 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(r() * 62)]).join('')}\n`,
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = !only && r() < 0.03 ? pick(rare)() : pick(kinds)();
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, bytes);
}

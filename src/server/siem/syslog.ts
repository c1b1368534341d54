import { connect as tcpConnect, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tlsConnect } from 'node:tls';
import { toOcsf, type BulwarkEvent } from '../../core/events/event';
import type { StoredEvent } from '../store';
import { toCef } from './cef';
import type { Sink } from './forwarder';

export interface SyslogOptions {
  name: string;
  host: string;
  port: number;
  tls?: boolean;
  /** The message part: CEF, or the OCSF JSON. */
  format: 'cef' | 'json';
  /** Syslog facility, 13 (log audit) unless the SIEM wants another. */
  facility?: number;
  productVersion?: string;
}

const SEVERITY = { allow: 6, audit: 6, warn: 5, redact: 5, block: 4 } as const;
/** Private enterprise number for the structured data id (32473 is the one RFC 5612 sets aside for examples). */
const SD_ID = 'bulwark@32473';

const sdValue = (s: string) => s.replace(/["\\\]]/g, (c) => `\\${c}`);

/** One RFC 5424 message: header, structured data with the event's id, and the event as CEF or JSON. */
export function syslogMessage(e: BulwarkEvent, o: Pick<SyslogOptions, 'format' | 'facility' | 'productVersion'>, host = hostname()): string {
  const pri = (o.facility ?? 13) * 8 + SEVERITY[e.action];
  const sd = `[${SD_ID} eventId="${sdValue(e.id)}" device="${sdValue(e.device.id)}"${e.device.user ? ` user="${sdValue(e.device.user)}"` : ''}]`;
  const msg = o.format === 'cef' ? toCef(e, o.productVersion ?? '0') : JSON.stringify(toOcsf(e));
  return `<${pri}>1 ${e.time} ${host.slice(0, 255) || '-'} bulwark - DLP ${sd} ${msg}`;
}

/**
 * Syslog over TCP (or TLS, RFC 5425) with octet-counting framing (RFC 6587), one connection kept open. A
 * write that fails closes it; the forwarder retries the batch on a new one. Syslog has no acknowledgment: a
 * batch counts as delivered once the operating system took it, so a collector that dies with bytes in flight
 * loses them (HTTP collectors answer for what they took).
 */
export class SyslogSink implements Sink {
  readonly name: string;
  private socket?: Socket;

  constructor(private readonly o: SyslogOptions) {
    this.name = o.name;
  }

  async send(events: readonly StoredEvent[]): Promise<void> {
    const frames = events.map((s) => {
      const m = Buffer.from(syslogMessage(s.event, this.o));
      return Buffer.concat([Buffer.from(`${m.length} `), m]);
    });
    const socket = await this.connection();
    await new Promise<void>((resolve, reject) => {
      socket.write(Buffer.concat(frames), (err) => (err ? reject(err) : resolve()));
    }).catch((err) => {
      this.close();
      throw err;
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connection(): Promise<Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        socket.off('error', reject);
        socket.on('error', () => this.close());
        socket.on('close', () => {
          if (this.socket === socket) this.socket = undefined;
        });
        this.socket = socket;
        resolve(socket);
      };
      const socket = this.o.tls ? tlsConnect({ host: this.o.host, port: this.o.port, servername: this.o.host }, onConnect) : tcpConnect({ host: this.o.host, port: this.o.port }, onConnect);
      socket.setTimeout(30_000, () => socket.destroy(new Error('syslog connection timed out')));
      socket.once('error', reject);
    });
  }
}

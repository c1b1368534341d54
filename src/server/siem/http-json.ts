import { toOcsf } from '../../core/events/event';
import type { StoredEvent } from '../store';
import type { Sink } from './forwarder';

export interface HttpJsonOptions {
  name: string;
  url: string;
  /** Splunk's HEC token ("Authorization: Splunk <token>"), or a bearer token for other collectors. */
  token?: string;
  /** hec: Splunk HTTP Event Collector envelopes; ocsf: the OCSF events as JSON lines. */
  format: 'hec' | 'ocsf';
}

/** HTTP JSON forwarding (Splunk HEC and any collector that takes JSON lines). A non-2xx answer is a failure. */
export class HttpJsonSink implements Sink {
  readonly name: string;

  constructor(private readonly o: HttpJsonOptions) {
    this.name = o.name;
  }

  async send(events: readonly StoredEvent[]): Promise<void> {
    const body = events
      .map((s) => {
        const ocsf = toOcsf(s.event);
        return JSON.stringify(
          this.o.format === 'hec' ? { time: Date.parse(s.event.time) / 1000, host: s.event.device.id, source: 'bulwark', sourcetype: 'bulwark:ocsf', event: ocsf } : ocsf,
        );
      })
      .join('\n');
    const auth: Record<string, string> = this.o.token ? { Authorization: this.o.format === 'hec' ? `Splunk ${this.o.token}` : `Bearer ${this.o.token}` } : {};
    const response = await fetch(this.o.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body, signal: AbortSignal.timeout(15_000) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(this.o.url).host}`);
  }
}

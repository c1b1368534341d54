import type { BulwarkEvent } from '../../core/events/event';
import { when } from '../api';
import { eventsOf } from '../event-links';
import { KIND_LABELS } from '../requests';

/** The events view's sort ("-time", "user", ...) and the address of another one. */
export interface Sorting {
  current: string;
  href: (sort: string) => string;
}

/** A warning the employee went past (sent anyway): what a reviewer looks at first. */
const overridden = (e: BulwarkEvent) => e.action === 'warn' && e.outcome === 'sent';

/**
 * Events as rows: time (a link to the event), channel, destination, what was found (type, count and category),
 * decision, override, outcome and justification; with `who`, the user (and a claim the device made that its
 * enrollment does not back), the device and the rule as well. An incident's events share their user and rule,
 * so its page leaves `who` out. Users, devices, destinations and rules link to their events; with `sort`, the
 * sortable columns' headings link to the view sorted by them (again: the other way round).
 */
export function EventTable({ events, who = true, sort }: { events: ReadonlyArray<{ event: BulwarkEvent }>; who?: boolean; sort?: Sorting }) {
  const heading = (label: string, key?: string) => {
    if (!sort || !key) return <th scope="col">{label}</th>;
    const on = sort.current.replace(/^-/, '') === key;
    const desc = sort.current.startsWith('-');
    return (
      <th scope="col" aria-sort={on ? (desc ? 'descending' : 'ascending') : undefined}>
        <a href={sort.href(on && !desc ? `-${key}` : key)}>
          {label}
          {on ? <span aria-hidden="true">{desc ? ' ▼' : ' ▲'}</span> : null}
        </a>
      </th>
    );
  };
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {heading('Time', 'time')}
            {who ? heading('User', 'user') : null}
            {who ? heading('Device', 'device') : null}
            {heading('Channel', 'channel')}
            {heading('Destination', 'host')}
            {heading('Found')}
            {heading('Decision', 'action')}
            {heading('Override')}
            {heading('Outcome', 'outcome')}
            {heading('Justification')}
            {who ? heading('Rule', 'rule') : null}
          </tr>
        </thead>
        <tbody>
          {events.map(({ event: e }) => (
            <tr key={e.id} class={overridden(e) ? 'overridden' : undefined}>
              <td>
                <a href={`#/events/${e.id}`}>{when(e.time)}</a>
              </td>
              {who ? (
                <td>
                  {e.device.user ? <a href={eventsOf('user', e.device.user)}>{e.device.user}</a> : <span class="muted">none</span>}
                  {e.device.userVerified === false ? <span class="muted" title={`The device claimed ${e.device.claimedUser ?? 'another user'}; this is not the user it was enrolled with.`}> (claimed {e.device.claimedUser}, unverified)</span> : null}
                </td>
              ) : null}
              {who ? (
                <td>
                  <a href={eventsOf('device', e.device.id)}>{e.device.id}</a>
                </td>
              ) : null}
              <td>{e.channel}</td>
              <td>
                <a href={eventsOf('host', e.destination.host)}>{e.destination.host}</a>
              </td>
              <td>{e.findings.map((f) => `${f.type} ×${f.count} (${f.category})`).join(', ')}</td>
              <td>
                <span class={`action ${e.action}`}>{e.action}</span>
              </td>
              <td>{overridden(e) ? <strong class="override">overridden</strong> : null}</td>
              <td>{e.outcome}</td>
              <td>
                {e.justification ?? ''}
                {e.request ? (
                  <div>
                    <a href="#/requests">asked: {KIND_LABELS[e.request.kind]}</a>
                  </div>
                ) : null}
              </td>
              {who ? <td>{e.rule ? <a href={eventsOf('rule', e.rule)}>{e.rule}</a> : ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

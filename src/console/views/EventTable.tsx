import type { BulwarkEvent } from '../../core/events/event';
import { when } from '../api';

/**
 * Events as rows: time (a link to the event), channel, destination, what was found, decision and outcome; with
 * `who`, the user (and a claim the device made that its enrollment does not back) and the rule as well. An
 * incident's events share their user and rule, so its page leaves `who` out.
 */
export function EventTable({ events, who = true }: { events: ReadonlyArray<{ event: BulwarkEvent }>; who?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Time</th>
          {who ? <th>User</th> : null}
          <th>Channel</th>
          <th>Destination</th>
          <th>Found</th>
          <th>Decision</th>
          <th>Outcome</th>
          {who ? <th>Rule</th> : null}
        </tr>
      </thead>
      <tbody>
        {events.map(({ event: e }) => (
          <tr key={e.id}>
            <td>
              <a href={`#/events/${e.id}`}>{when(e.time)}</a>
            </td>
            {who ? (
              <td>
                {e.device.user ?? e.device.id}
                {e.device.userVerified === false ? <span class="muted" title={`The device claimed ${e.device.claimedUser ?? 'another user'}; this is not the user it was enrolled with.`}> (claimed {e.device.claimedUser}, unverified)</span> : null}
              </td>
            ) : null}
            <td>{e.channel}</td>
            <td>{e.destination.host}</td>
            <td>{e.findings.map((f) => `${f.type} ×${f.count}`).join(', ')}</td>
            <td>
              <span class={`action ${e.action}`}>{e.action}</span>
            </td>
            <td>{e.outcome}</td>
            {who ? <td>{e.rule ?? ''}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

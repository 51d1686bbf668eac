import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { useMe } from '../me';
import { Empty, Loaded, Problem, useLoad } from '../ui';
import type { TabProps } from './baby';

type Format = 'json' | 'csv' | 'fhir';
const FORMATS: [Format, string, string][] = [
  ['json', 'JSON', 'json'],
  ['csv', 'CSV (spreadsheet)', 'csv'],
  ['fhir', 'FHIR (for health systems)', 'fhir.json'],
];

export function Records(props: TabProps) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState('');
  const download = async (format: Format, extension: string) => {
    setError(null);
    setBusy(format);
    try {
      const blob = await api.blob('/v1/babies/{babyId}/export', { path: { babyId: props.baby.id }, query: { format } });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${props.baby.name.replace(/[^\w-]+/g, '_')}-upnest.${extension}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy('');
    }
  };
  return (
    <>
      <section aria-labelledby="export-h">
        <h2 id="export-h">Export {props.baby.name}'s records</h2>
        <p>Everything recorded about {props.baby.name}, to keep or to give to a doctor.</p>
        <Problem error={error} />
        <div class="actions">
          {FORMATS.map(([format, text, extension]) => (
            <button type="button" class="secondary" disabled={busy !== ''} onClick={() => download(format, extension)}>
              {busy === format ? 'Preparing…' : `Download ${text}`}
            </button>
          ))}
        </div>
      </section>
      {props.isOwner ? <AuditTrail {...props} /> : null}
    </>
  );
}

function AuditTrail(props: TabProps) {
  const { user } = useMe();
  const path = { babyId: props.baby.id };
  const events = useLoad(() => api.get('/v1/babies/{babyId}/audit', { path, query: { limit: 200 } }), [props.baby.id]);
  const [all, setAll] = useState(false);
  const people = useLoad(() => api.get('/v1/babies/{babyId}/caregivers', { path }), [props.baby.id]);
  const names = new Map((people.data?.items ?? []).map((c) => [c.userId, c.displayName]));
  names.set(user.id, 'You');
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">Who looked at {props.baby.name}'s records</h2>
      <Loaded state={events} what="the audit trail">
        {(list) => list.items.length === 0 ? <Empty>No activity yet.</Empty> : (
          <>
          <table>
            <caption>Most recent first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
            <tbody>
              {[...list.items].sort((a, b) => String(b.at).localeCompare(String(a.at))).slice(0, all ? undefined : 20).map((e) => (
                <tr>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{names.get(e.actorId) ?? 'Former caregiver'}</td>
                  <td>{e.action.replace(/[.-]/g, ' ')}{e.outcome !== 'success' ? ` (${e.outcome})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!all && list.items.length > 20 ? <button type="button" class="secondary" onClick={() => setAll(true)}>Show all {list.items.length} events</button> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { useMe } from '../me';
import { navigate } from '../router';
import { session } from '../session';
import { Form, Input, Page, Problem, Select, text } from '../ui';

function timeZones(current: string): [string, string][] {
  const zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const all = Array.from(new Set([current, 'UTC', ...zones]));
  return all.map((z) => [z, z.replace(/_/g, ' ')]);
}

export function Settings() {
  const me = useMe();
  const { user } = me;
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<Error | null>(null);
  return (
    <Page title="Settings">
      {user.deletedAt ? (
        <section class="notice" aria-labelledby="restore-h">
          <h2 id="restore-h">Your account is scheduled for deletion</h2>
          <p>It will be removed for good after the grace period. Until then you can bring it back.</p>
          <Problem error={error} />
          <button type="button" onClick={() => api.post('/v1/me/restore', undefined).then(me.reload, setError)}>Restore my account</button>
        </section>
      ) : null}
      <Form submit="Save settings" label="Account settings" onSubmit={async (data) => {
        await api.patch('/v1/me', {
          displayName: text(data, 'displayName'), units: text(data, 'units'), timeZone: text(data, 'timeZone'), country: text(data, 'country')?.toUpperCase() ?? null,
        }, { ifMatch: user.version });
        setSaved('Settings saved.');
        me.reload();
      }}>
        <Input name="displayName" label="Your name" value={user.displayName} autocomplete="name" />
        <p class="hint">Signed in as {user.email}</p>
        <Select name="units" label="Units" value={user.units} options={[['metric', 'Metric (kg, cm)'], ['imperial', 'Imperial (lb/oz, inches)']]} />
        <Select name="timeZone" label="Time zone" value={user.timeZone} options={timeZones(user.timeZone)} />
        <Input name="country" label="Country (two-letter code, e.g. US or GB)" value={user.country} autocomplete="country" hint="Picks the vaccination schedule." />
      </Form>
      <p role="status" class="saved">{saved}</p>
      {!user.deletedAt ? (
        <section class="danger" aria-labelledby="delete-account-h">
          <h2 id="delete-account-h">Delete your account</h2>
          <p>Your account and the babies only you own are hidden at once and purged after the grace period. You can restore it until then by signing in.</p>
          <Problem error={error} />
          <button type="button" class="danger" onClick={() => {
            if (!confirm('Delete your UpNest account? You can restore it during the grace period.')) return;
            api.delete('/v1/me').then(me.reload, setError);
          }}>Delete my account</button>
        </section>
      ) : null}
      <button type="button" class="secondary" onClick={() => session.signOut().then(() => navigate('/sign-in'))}>Sign out</button>
    </Page>
  );
}

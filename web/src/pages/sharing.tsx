import { useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { BASE, navigate } from '../router';
import { label } from '../units';
import { Empty, Form, Input, Loaded, Page, Problem, Select, text, useLoad } from '../ui';
import type { TabProps } from './baby';

export function Sharing(props: TabProps) {
  if (!props.isOwner) {
    return <p>Only {props.baby.name}'s owner can see and change who has access.</p>;
  }
  return <OwnerSharing {...props} />;
}

function OwnerSharing(props: TabProps) {
  const path = { babyId: props.baby.id };
  const people = useLoad(() => api.get('/v1/babies/{babyId}/caregivers', { path }), [props.baby.id]);
  const [invitation, setInvitation] = useState<Schemas['InvitationResponse'] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const link = invitation ? `${location.origin}${BASE}/invite/${encodeURIComponent(invitation.code)}` : '';
  return (
    <>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Invite someone</h2>
        <p>A caregiver can add and change records; a viewer can only look.</p>
        <Form submit="Create invitation" label="Invite someone" onSubmit={async (data) => {
          setInvitation(await api.post('/v1/babies/{babyId}/invitations', { email: text(data, 'email') ?? null, role: text(data, 'role') }, { path }));
        }}>
          <Select name="role" label="Role" options={[['caregiver', 'Caregiver (can add records)'], ['viewer', 'Viewer (can only look)']]} />
          <Input name="email" label="Their email (optional)" type="email" hint="When given, only that account can accept." />
        </Form>
        {invitation ? (
          <div class="notice" role="status">
            <p>Invitation for a {invitation.role}, valid until {new Date(invitation.expiresAt).toLocaleString()}. Share the code or the link:</p>
            <div class="field">
              <label for="invite-code">Invitation code</label>
              <input id="invite-code" readOnly value={invitation.code} onFocus={(e) => (e.target as HTMLInputElement).select()} />
            </div>
            <div class="field">
              <label for="invite-link">Invitation link</label>
              <input id="invite-link" readOnly value={link} onFocus={(e) => (e.target as HTMLInputElement).select()} />
            </div>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="people-h">
        <h2 id="people-h">Who has access</h2>
        <Problem error={error} />
        <Loaded state={people} what="who has access">
          {(list) => list.items.length === 0 ? <Empty>Nobody yet.</Empty> : (
            <ul class="list">
              {list.items.map((c) => (
                <li class="item">
                  <div><strong>{c.displayName}</strong> · {label(c.role)} <span class="muted">since {new Date(c.since).toLocaleDateString()}</span></div>
                  {c.role !== 'owner' ? (
                    <div class="actions">
                      <button type="button" class="secondary" onClick={() => {
                        if (confirm(`Remove ${c.displayName}'s access?`)) {
                          api.delete('/v1/babies/{babyId}/caregivers/{userId}', { path: { ...path, userId: c.userId } }).then(people.reload, setError);
                        }
                      }}>Revoke {c.displayName}'s access</button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** /app/invite/{code}: the link an owner shares; also reachable by typing the code. */
export function AcceptInvitation(props: { code: string }) {
  const accept = async (code: string | undefined) => {
    const baby = await api.post('/v1/invitations/{code}/accept', undefined, { path: { code: code ?? '' } });
    navigate(`/babies/${baby.id}`, true);
  };
  return (
    <Page title="Accept an invitation">
      <p>Someone shared a baby's records with you. Accept to see them in your list.</p>
      <Form submit="Accept invitation" onSubmit={async (data) => accept(text(data, 'code'))}>
        <Input name="code" label="Invitation code" value={props.code} required />
      </Form>
    </Page>
  );
}

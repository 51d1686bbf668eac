import { useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { useMe } from '../me';
import { BASE, navigate } from '../router';
import { ageInWords, label } from '../units';
import { Form, Loaded, Page, Problem, useLoad } from '../ui';
import { BabyFields, babyBody, daysSince } from './babies';
import { Growth } from './growth';
import { Vaccinations } from './vaccinations';
import { Milestones } from './milestones';
import { Sharing } from './sharing';
import { Records } from './records';

export type Baby = Schemas['BabyResponse'];
export type TabProps = { baby: Baby; canWrite: boolean; isOwner: boolean; changed: () => void };

const TABS: [string, string][] = [
  ['growth', 'Growth'],
  ['vaccinations', 'Vaccinations'],
  ['milestones', 'Milestones'],
  ['sharing', 'Sharing'],
  ['records', 'Records'],
  ['edit', 'Details'],
];

export function isPreterm(baby: Baby): boolean {
  return baby.gestationalAgeWeeks != null && Number(baby.gestationalAgeWeeks) < 37;
}

export function BabyPage(props: { babyId: string; tab: string }) {
  const state = useLoad(() => api.get('/v1/babies/{babyId}', { path: { babyId: props.babyId } }), [props.babyId]);
  return (
    <Loaded state={state} what="the baby">
      {(baby) => {
        const tab = TABS.find(([key]) => key === props.tab) ?? TABS[0];
        const canWrite = baby.role !== 'viewer';
        const tabProps: TabProps = { baby, canWrite, isOwner: baby.role === 'owner', changed: state.reload };
        return (
          <Page title={`${baby.name}: ${tab[1]}`}>
            <p class="subtitle">
              {ageInWords(daysSince(String(baby.dateOfBirth)))} old
              {isPreterm(baby) ? `, born at ${baby.gestationalAgeWeeks} weeks${baby.gestationalAgeDays ? ` ${baby.gestationalAgeDays} days` : ''}` : ''}
              {' · '}you are {baby.role === 'owner' ? 'the owner' : `a ${baby.role}`}
            </p>
            {!canWrite ? <p class="notice">You can view {baby.name}'s records; only the owner and caregivers can change them.</p> : null}
            <nav class="tabs" aria-label={`${baby.name}'s records`}>
              {TABS.map(([key, text]) => (
                <a href={`${BASE}/babies/${baby.id}/${key}`} aria-current={key === tab[0] ? 'page' : undefined}>{text}</a>
              ))}
            </nav>
            {tab[0] === 'growth' ? <Growth {...tabProps} /> : null}
            {tab[0] === 'vaccinations' ? <Vaccinations {...tabProps} /> : null}
            {tab[0] === 'milestones' ? <Milestones {...tabProps} /> : null}
            {tab[0] === 'sharing' ? <Sharing {...tabProps} /> : null}
            {tab[0] === 'records' ? <Records {...tabProps} /> : null}
            {tab[0] === 'edit' ? <Details {...tabProps} /> : null}
          </Page>
        );
      }}
    </Loaded>
  );
}

function Details(props: TabProps) {
  const { units } = useMe();
  const { baby } = props;
  const [error, setError] = useState<Error | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <section aria-labelledby="deleted-h">
        <h2 id="deleted-h">{baby.name} was deleted</h2>
        <p>The records are hidden now and purged after the grace period. Changed your mind?</p>
        <Problem error={error} />
        <button type="button" onClick={() => api.post('/v1/babies/{babyId}/restore', undefined, { path: { babyId: baby.id } })
          .then(() => { setDeleted(false); props.changed(); }, setError)}>Restore {baby.name}</button>
      </section>
    );
  }
  if (!props.canWrite) {
    return (
      <dl class="facts">
        <dt>Sex</dt><dd>{label(baby.sex)}</dd>
        <dt>Date of birth</dt><dd>{String(baby.dateOfBirth)}</dd>
      </dl>
    );
  }
  return (
    <>
      <h2>Edit details</h2>
      <Form submit="Save details" onSubmit={async (data) => {
        await api.patch('/v1/babies/{babyId}', babyBody(data, units, true), { path: { babyId: baby.id }, ifMatch: baby.version });
        props.changed();
      }}>
        <BabyFields baby={baby} units={units} />
      </Form>
      {props.isOwner ? (
        <section class="danger" aria-labelledby="delete-h">
          <h2 id="delete-h">Delete {baby.name}</h2>
          <p>Hides {baby.name} and every record at once for everyone it is shared with. You can restore within the grace period.</p>
          <Problem error={error} />
          <button type="button" class="danger" onClick={() => {
            if (!confirm(`Delete ${baby.name}? You can restore within the grace period.`)) return;
            api.delete('/v1/babies/{babyId}', { path: { babyId: baby.id } }).then(() => setDeleted(true), setError);
          }}>Delete {baby.name}</button>
        </section>
      ) : null}
      <p><a href={`${BASE}/`} onClick={(e) => { e.preventDefault(); navigate('/'); }}>Back to your babies</a></p>
    </>
  );
}

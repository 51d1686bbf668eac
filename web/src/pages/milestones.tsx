import { useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { label, today } from '../units';
import { Empty, Form, Input, Loaded, Problem, Select, number, text, useLoad } from '../ui';
import type { TabProps } from './baby';

type Milestone = Schemas['MilestoneResponse'];
const DOMAINS = ['social-emotional', 'language-communication', 'cognitive', 'movement-physical'];

export function Milestones(props: TabProps) {
  const path = { babyId: props.baby.id };
  const [date, setDate] = useState(today());
  const state = useLoad(() => api.get('/v1/babies/{babyId}/milestones', { path, query: { limit: 200 } }), [props.baby.id]);
  return (
    <Loaded state={state} what="milestones">
      {(list) => (
        <>
          <p class="hint">
            The checklist for {Number(list.ageMonths).toFixed(1)} months
            {list.usesCorrectedAge ? ` (corrected age; ${Number(list.chronologicalAgeMonths).toFixed(1)} months since birth)` : ''} and the next age band.
          </p>
          {list.items.length === 0 ? <Empty>No milestones for this age yet.</Empty> : null}
          {props.canWrite ? (
            <div class="field inline">
              <label for="achieved-date">Date for milestones you tick</label>
              <input type="date" id="achieved-date" value={date} max={today()} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
            </div>
          ) : null}
          {DOMAINS.map((domain) => {
            const items = list.items.filter((m) => m.domain === domain);
            const advice = items.find((m) => m.status !== 'achieved' && m.mentionAtCheckUp && m.checkUpMessage)?.checkUpMessage;
            return items.length === 0 ? null : (
              <section aria-labelledby={`domain-${domain}`}>
                <h2 id={`domain-${domain}`}>{label(domain)}</h2>
                {advice ? <p class="hint">{advice}</p> : null}
                <ul class="list">{items.map((m) => <MilestoneItem m={m} tab={props} date={date} changed={state.reload} />)}</ul>
              </section>
            );
          })}
          {props.canWrite ? <CustomMilestone tab={props} changed={state.reload} /> : null}
        </>
      )}
    </Loaded>
  );
}

function MilestoneItem(props: { m: Milestone; tab: TabProps; date: string; changed: () => void }) {
  const { m } = props;
  const [error, setError] = useState<Error | null>(null);
  const achieved = m.status === 'achieved';
  const id = `ms-${m.key}`;
  const save = (achievedOn: string | null) =>
    api.put('/v1/babies/{babyId}/milestones/{key}', { achievedOn }, { path: { babyId: props.tab.baby.id, key: m.key } }).then(props.changed, setError);
  return (
    <li class="item milestone">
      <div class="check">
        <input type="checkbox" id={id} checked={achieved} disabled={!props.tab.canWrite}
          onChange={(e) => save((e.target as HTMLInputElement).checked ? props.date : null)} />
        <label for={id}>{m.title}</label>
      </div>
      <div class="muted">
        {achieved ? `Achieved ${String(m.achievedOn)}` : m.expectedAgeMonths != null ? `Most children by ${m.expectedAgeMonths} months` : label(m.status)}
        {m.source === 'custom' ? ' · your milestone' : ''}
      </div>
      {!achieved && m.mentionAtCheckUp ? <span class="flag">Worth mentioning at your next check-up</span> : null}
      <Problem error={error} />
    </li>
  );
}

function CustomMilestone(props: { tab: TabProps; changed: () => void }) {
  return (
    <section aria-labelledby="custom-h">
      <h2 id="custom-h">Add your own milestone</h2>
      <Form submit="Add milestone" label="Add your own milestone" onSubmit={async (data, form) => {
        await api.post('/v1/babies/{babyId}/milestones', {
          title: text(data, 'title'), domain: text(data, 'domain'), expectedAgeMonths: number(data, 'expectedAgeMonths'), achievedOn: text(data, 'achievedOn'),
        }, { path: { babyId: props.tab.baby.id } });
        form.reset();
        props.changed();
      }}>
        <Input name="title" label="Milestone" required />
        <Select name="domain" label="Area" options={[['', 'Choose…'], ...DOMAINS.map((d): [string, string] => [d, label(d)])]} required />
        <Input name="expectedAgeMonths" label="Expected age in months (optional)" type="number" step="any" inputMode="decimal" />
        <Input name="achievedOn" label="Date achieved (optional)" type="date" max={today()} />
      </Form>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { label, today } from '../units';
import { Empty, Form, Input, Loaded, Problem, Select, number, text, useLoad } from '../ui';
import type { TabProps } from './baby';

type Dose = Schemas['DoseResponse'];
const GROUPS: [string, string][] = [
  ['overdue', 'Overdue'],
  ['due', 'Due now'],
  ['upcoming', 'Upcoming'],
  ['completed', 'Completed'],
  ['skipped', 'Skipped'],
  ['not-applicable', 'No longer applicable'],
];
const SITES = ['left-thigh', 'right-thigh', 'left-arm', 'right-arm', 'oral', 'nasal', 'other'];
const ROUTES = ['intramuscular', 'subcutaneous', 'oral', 'intranasal', 'intradermal'];
const REACTIONS = ['fever', 'injection-site-reaction', 'swelling', 'rash', 'persistent-crying', 'drowsiness', 'vomiting', 'diarrhoea', 'seizure', 'anaphylaxis'];
const options = (values: string[]): [string, string][] => [['', 'Choose…'], ...values.map((v): [string, string] => [v, label(v)])];

export function Vaccinations(props: TabProps) {
  const path = { babyId: props.baby.id };
  const state = useLoad(() => api.get('/v1/babies/{babyId}/vaccinations', { path, query: { limit: 200 } }), [props.baby.id]);
  const [notice, setNotice] = useState('');
  return (
    <>
      <p role="status" class="saved">{notice}</p>
      <Loaded state={state} what="the vaccination schedule">
        {(list) => (
          <>
            <p class="hint">Schedule: {list.schedule.name}.</p>
            {list.items.length === 0 ? <Empty>No doses in this schedule.</Empty> : null}
            {GROUPS.map(([status, title]) => {
              const doses = list.items.filter((d) => d.status === status);
              return doses.length === 0 && status !== 'completed' ? null : (
                <DoseGroup status={status} title={title} doses={doses} tab={props} onChange={(message) => { setNotice(message); state.reload(); }} />
              );
            })}
          </>
        )}
      </Loaded>
      {props.isOwner ? <CalendarLink babyId={props.baby.id} /> : null}
    </>
  );
}

function DoseGroup(props: { status: string; title: string; doses: Dose[]; tab: TabProps; onChange: (message: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = props.status === 'upcoming' && !all ? props.doses.slice(0, 6) : props.doses;
  return (
    <section aria-labelledby={`doses-${props.status}`}>
      <h2 id={`doses-${props.status}`}>{props.title} ({props.doses.length})</h2>
      {props.doses.length === 0 ? <Empty>No doses recorded yet.</Empty> : (
        <ul class="list">{shown.map((d) => <DoseItem dose={d} tab={props.tab} onChange={props.onChange} />)}</ul>
      )}
      {shown.length < props.doses.length ? <button type="button" class="secondary" onClick={() => setAll(true)}>Show all {props.doses.length} upcoming doses</button> : null}
    </section>
  );
}

function DoseItem(props: { dose: Dose; tab: TabProps; onChange: (message: string) => void }) {
  const d = props.dose;
  const [open, setOpen] = useState<'record' | 'reaction' | null>(null);
  const name = `${d.displayName ?? d.vaccine} dose ${d.doseNumber}`;
  const path = { babyId: props.tab.baby.id };
  return (
    <li class="item">
      <div>
        <strong>{name}</strong> <span class={`badge ${d.status}`}>{label(d.status ?? '')}</span>
        <div class="muted">
          {d.givenOn ? `Given ${String(d.givenOn)}` : d.dueOn ? `Due ${String(d.dueOn)}` : ''}
          {d.product ? ` · ${d.product}` : ''}{d.lotNumber ? ` · lot ${d.lotNumber}` : ''}{d.site ? ` · ${label(d.site)}` : ''}
        </div>
        {(d.warnings ?? []).length > 0 ? <ul class="warnings">{(d.warnings ?? []).map((w) => <li>{w.message}</li>)}</ul> : null}
        {(d.reactions ?? []).length > 0 ? <ul class="muted">{(d.reactions ?? []).map((r) => <li>Reaction: {label(r.type)} ({r.severity}). {r.message}</li>)}</ul> : null}
      </div>
      {props.tab.canWrite ? (
        <div class="actions">
          {d.status !== 'completed' ? (
            <button type="button" aria-expanded={open === 'record'} onClick={() => setOpen(open === 'record' ? null : 'record')}>Record {name}</button>
          ) : (
            <button type="button" class="secondary" aria-expanded={open === 'reaction'} onClick={() => setOpen(open === 'reaction' ? null : 'reaction')}>Record a reaction to {name}</button>
          )}
        </div>
      ) : null}
      {open === 'record' ? (
        <Form submit="Save dose" label={`Record ${name}`} onSubmit={async (data) => {
          const recorded = await api.post('/v1/babies/{babyId}/vaccinations', {
            vaccine: d.vaccine, doseNumber: Number(d.doseNumber), givenOn: text(data, 'givenOn'), product: text(data, 'product'),
            lotNumber: text(data, 'lotNumber'), site: text(data, 'site'), route: text(data, 'route'), provider: text(data, 'provider'),
          }, { path });
          setOpen(null);
          const warnings = (recorded.warnings ?? []).map((w) => w.message).join(" ");
          props.onChange(`Recorded ${name}.${warnings ? ' Please note: ' + warnings : ''}`);
        }}>
          <Input name="givenOn" label="Date given" type="date" value={today()} max={today()} required />
          <Input name="product" label="Product (optional)" />
          <Input name="lotNumber" label="Lot number (optional)" />
          <Select name="site" label="Site (optional)" options={options(SITES)} />
          <Select name="route" label="Route (optional)" options={options(ROUTES)} />
          <Input name="provider" label="Given by (optional)" />
        </Form>
      ) : null}
      {open === 'reaction' ? (
        <Form submit="Save reaction" label={`Record a reaction to ${name}`} onSubmit={async (data) => {
          const reaction = await api.post('/v1/babies/{babyId}/vaccinations/{id}/reactions', {
            type: text(data, 'type'), severity: text(data, 'severity'), onsetHours: number(data, 'onsetHours'), note: text(data, 'note'),
          }, { path: { ...path, id: d.id ?? '' } });
          setOpen(null);
          props.onChange(`Recorded the reaction. ${reaction.message}`);
        }}>
          <Select name="type" label="What happened" options={options(REACTIONS)} required />
          <Select name="severity" label="How bad" options={options(['mild', 'moderate', 'severe'])} required />
          <Input name="onsetHours" label="Hours after the dose (optional)" type="number" step="any" inputMode="decimal" />
          <Input name="note" label="Note (optional)" />
        </Form>
      ) : null}
    </li>
  );
}

function CalendarLink(props: { babyId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <section aria-labelledby="calendar-h">
      <h2 id="calendar-h">Calendar</h2>
      <p>Subscribe in your phone's calendar to see upcoming doses. Making a new link stops the old one working.</p>
      <Problem error={error} />
      {url ? (
        <div class="field">
          <label for="calendar-url">Calendar link</label>
          <input id="calendar-url" readOnly value={url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <a href={url.replace(/^https?:/, 'webcal:')}>Open in calendar app</a>
        </div>
      ) : null}
      <button type="button" class="secondary" onClick={() => api.post('/v1/babies/{babyId}/calendar-link', undefined, { path: { babyId: props.babyId } })
        .then((r) => setUrl(new URL(r.url, location.origin).href), setError)}>{url ? 'Make a new link' : 'Get calendar link'}</button>
    </section>
  );
}

import { api, type Schemas } from '../api/client';
import { useMe } from '../me';
import { BASE, navigate } from '../router';
import { ageInWords, label, today, type Units } from '../units';
import { Empty, Form, Input, Loaded, Page, Select, number, text, useLoad } from '../ui';

type Baby = Schemas['BabyResponse'];
const KG_PER_LB = 0.45359237;
const CM_PER_IN = 2.54;

export function BabyList() {
  const state = useLoad(() => api.get('/v1/babies'), []);
  return (
    <Page title="Your babies" actions={<a class="button" href={`${BASE}/babies/new`}>Add a baby</a>}>
      <Loaded state={state} what="babies">
        {(list) =>
          list.items.length === 0 ? (
            <Empty>No babies yet. Add your baby to start tracking growth, vaccinations and milestones.</Empty>
          ) : (
            <ul class="cards">
              {list.items.map((b) => (
                <li>
                  <a href={`${BASE}/babies/${b.id}`} class="card">
                    <strong>{b.name}</strong>
                    <span>{ageInWords(daysSince(String(b.dateOfBirth)))} old · {label(b.role)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <DueSoon />
      <p><a href={`${BASE}/invite`}>Have an invitation code?</a></p>
    </Page>
  );
}

/** Doses due or overdue now, or due within 30 days, across every baby the parent can see. */
function DueSoon() {
  const state = useLoad(() => api.get('/v1/me/vaccinations/due', { query: { withinDays: 30 } }), []);
  return (
    <section aria-labelledby="due-h">
      <h2 id="due-h">Vaccinations coming up</h2>
      <Loaded state={state} what="vaccinations coming up">
        {(list) => list.items.length === 0 ? <Empty>Nothing due in the next 30 days.</Empty> : (
          <ul class="list">
            {list.items.slice(0, 8).map((d) => (
              <li class="item">
                <a href={`${BASE}/babies/${d.babyId}/vaccinations`}>{d.babyName}: {d.displayName ?? d.vaccine} dose {d.doseNumber}</a>
                <span class="muted">{label(d.status ?? '')}{d.dueOn ? `, due ${String(d.dueOn)}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

export function daysSince(date: string): number {
  return Math.max(0, Math.floor((Date.parse(today()) - Date.parse(date)) / 86400000));
}

/** The baby form's fields; birth measurements in the parent's units, sent to the API in SI. */
export function BabyFields(props: { baby?: Baby; units: Units }) {
  const b = props.baby;
  const imperial = props.units === 'imperial';
  const kg = b?.birthWeightKg == null ? null : Number(b.birthWeightKg);
  const lbTotal = kg === null ? null : kg / KG_PER_LB;
  return (
    <>
      <Input name="name" label="Name" value={b?.name} required />
      <Select name="sex" label="Sex" value={b?.sex} options={[['', 'Choose…'], ['female', 'Girl'], ['male', 'Boy']]} required
        hint="Used to pick the right WHO growth standard." />
      <Input name="dateOfBirth" label="Date of birth" type="date" value={b?.dateOfBirth ? String(b.dateOfBirth) : undefined} max={today()} required />
      <fieldset>
        <legend>Gestational age at birth (optional)</legend>
        <p class="hint">For a baby born before 37 weeks UpNest uses the corrected age until 2 years.</p>
        <div class="row">
          <Input name="gestationalAgeWeeks" label="Weeks" type="number" inputMode="numeric" min="22" max="44" value={b?.gestationalAgeWeeks} />
          <Input name="gestationalAgeDays" label="Days" type="number" inputMode="numeric" min="0" max="6" value={b?.gestationalAgeDays} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Birth measurements (optional)</legend>
        {imperial ? (
          <div class="row">
            <Input name="birthWeightLb" label="Birth weight (lb)" type="number" inputMode="decimal" step="any" also={['birthWeightKg']}
              value={lbTotal === null ? null : Math.floor(lbTotal)} />
            <Input name="birthWeightOz" label="and oz" type="number" inputMode="decimal" step="any"
              value={lbTotal === null ? null : Math.round((lbTotal - Math.floor(lbTotal)) * 16 * 10) / 10} />
          </div>
        ) : (
          <Input name="birthWeightKg" label="Birth weight (kg)" type="number" inputMode="decimal" step="any" value={b?.birthWeightKg} />
        )}
        {imperial ? (
          <>
            <Input name="birthLengthIn" label="Birth length (in)" type="number" inputMode="decimal" step="any" also={['birthLengthCm']}
              value={b?.birthLengthCm == null ? null : Math.round((Number(b.birthLengthCm) / CM_PER_IN) * 10) / 10} />
            <Input name="birthHeadCircumferenceIn" label="Head circumference at birth (in)" type="number" inputMode="decimal" step="any"
              also={['birthHeadCircumferenceCm']}
              value={b?.birthHeadCircumferenceCm == null ? null : Math.round((Number(b.birthHeadCircumferenceCm) / CM_PER_IN) * 10) / 10} />
          </>
        ) : (
          <>
            <Input name="birthLengthCm" label="Birth length (cm)" type="number" inputMode="decimal" step="any" value={b?.birthLengthCm} />
            <Input name="birthHeadCircumferenceCm" label="Head circumference at birth (cm)" type="number" inputMode="decimal" step="any" value={b?.birthHeadCircumferenceCm} />
          </>
        )}
      </fieldset>
    </>
  );
}

function inSi(value: number | undefined, factor: number): number | undefined {
  return typeof value === 'number' ? Math.round(value * factor * 10000) / 10000 : value;
}

/** The API body from the baby form; empty inputs are null on edit (cleared) and absent on create. */
export function babyBody(data: FormData, units: Units, editing: boolean) {
  const empty = editing ? null : undefined;
  const lb = number(data, 'birthWeightLb');
  const oz = number(data, 'birthWeightOz');
  const weightKg = units === 'imperial'
    ? (lb === undefined && oz === undefined ? undefined : inSi((typeof lb === 'number' ? lb : 0) + (typeof oz === 'number' ? oz / 16 : 0), KG_PER_LB))
    : number(data, 'birthWeightKg');
  return {
    name: text(data, 'name'),
    sex: text(data, 'sex'),
    dateOfBirth: text(data, 'dateOfBirth'),
    gestationalAgeWeeks: number(data, 'gestationalAgeWeeks') ?? empty,
    gestationalAgeDays: number(data, 'gestationalAgeDays') ?? empty,
    birthWeightKg: weightKg ?? empty,
    birthLengthCm: (units === 'imperial' ? inSi(number(data, 'birthLengthIn'), CM_PER_IN) : number(data, 'birthLengthCm')) ?? empty,
    birthHeadCircumferenceCm: (units === 'imperial' ? inSi(number(data, 'birthHeadCircumferenceIn'), CM_PER_IN) : number(data, 'birthHeadCircumferenceCm')) ?? empty,
  };
}

export function NewBaby() {
  const { units } = useMe();
  return (
    <Page title="Add a baby">
      <Form submit="Add baby" onSubmit={async (data) => {
        const baby = await api.post('/v1/babies', babyBody(data, units, false));
        navigate(`/babies/${baby.id}`, true);
      }}>
        <BabyFields units={units} />
      </Form>
    </Page>
  );
}

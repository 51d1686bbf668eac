import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { useMe } from '../me';
import { indicatorName, length, type Indicator, percentileInWords, today, weight, type Units } from '../units';
import { Empty, Form, Input, Loaded, Problem, number, text, useLoad } from '../ui';
import { isPreterm, type TabProps } from './baby';

type Measurement = Schemas['MeasurementResponse'];
const INDICATORS: [Indicator, string][] = (['weight-for-age', 'length-height-for-age', 'weight-for-length', 'head-circumference-for-age', 'bmi-for-age'] as const)
  .map((key): [Indicator, string] => [key, indicatorName(key)]);

export function Growth(props: TabProps) {
  const { baby } = props;
  const path = { babyId: baby.id };
  const measurements = useLoad(() => api.get('/v1/babies/{babyId}/measurements', { path, query: { limit: 200 } }), [baby.id]);
  const summary = useLoad(() => api.get('/v1/babies/{babyId}/growth/summary', { path }), [baby.id]);
  const changed = () => { measurements.reload(); summary.reload(); };
  return (
    <>
      {isPreterm(baby) ? (
        <p class="notice" id="corrected-note">
          {baby.name} was born early, so growth is shown at corrected age (age counted from the due date) until 2 years.
        </p>
      ) : null}
      <Summary state={summary} />
      {props.canWrite ? <RecordMeasurement babyId={baby.id} changed={changed} /> : null}
      <Chart babyId={baby.id} version={measurements.data} />
      <section aria-labelledby="measurements-h">
        <h2 id="measurements-h">Measurements</h2>
        <Loaded state={measurements} what="measurements">
          {(list) => list.items.length === 0
            ? <Empty>No measurements yet.{props.canWrite ? ' Record the first one above.' : ''}</Empty>
            : <ul class="list">{[...list.items].reverse().map((m) => <MeasurementItem m={m} canWrite={props.canWrite} changed={changed} />)}</ul>}
        </Loaded>
      </section>
    </>
  );
}

function Summary(props: { state: ReturnType<typeof useLoad<Schemas['GrowthSummaryResponse']>> }) {
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">Where things stand</h2>
      <Loaded state={props.state} what="the growth summary">
        {(s) => (
          <>
            {s.alerts.length > 0 ? (
              <ul class="alerts">{s.alerts.map((a) => <li class={`alert ${a.severity}`}>{a.message}</li>)}</ul>
            ) : null}
            {s.latest.length === 0 ? <Empty>Record a measurement to see percentiles.</Empty> : (
              <ul class="latest">
                {s.latest.map((l) => (
                  <li><strong>{indicatorName(l.indicator)}</strong>: {percentileInWords(l.percentile)} <span class="muted">({String(l.measuredOn)})</span></li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The measurement fields in the parent's units; the API converts lb/oz and inches itself. */
function MeasurementFields(props: { units: Units; m?: Measurement }) {
  const { m, units } = props;
  const kg = m?.weightKg == null ? null : Number(m.weightKg);
  const totalOz = kg === null ? null : (kg / 0.45359237) * 16;
  const cm = m?.lengthCm ?? m?.heightCm;
  const toIn = (v: number | string | null | undefined) => (v == null ? null : Math.round((Number(v) / 2.54) * 10) / 10);
  return (
    <>
      <Input name="measuredOn" label="Date measured" type="date" value={m ? String(m.measuredOn) : today()} max={today()} required />
      {units === 'imperial' ? (
        <div class="row">
          <Input name="weightLb" label="Weight (lb)" type="number" step="any" inputMode="decimal" also={['weightKg']}
            value={totalOz === null ? null : Math.floor(totalOz / 16)} />
          <Input name="weightOz" label="and oz" type="number" step="any" inputMode="decimal"
            value={totalOz === null ? null : Math.round((totalOz % 16) * 10) / 10} />
        </div>
      ) : (
        <Input name="weightKg" label="Weight (kg)" type="number" step="any" inputMode="decimal" value={kg} />
      )}
      {units === 'imperial' ? (
        <>
          <Input name="lengthIn" label="Length (in)" type="number" step="any" inputMode="decimal" also={['lengthCm', 'heightIn', 'heightCm']} value={toIn(cm)} />
          <Input name="headCircumferenceIn" label="Head circumference (in)" type="number" step="any" inputMode="decimal" also={['headCircumferenceCm']}
            value={toIn(m?.headCircumferenceCm)} />
        </>
      ) : (
        <>
          <Input name="lengthCm" label="Length (cm)" type="number" step="any" inputMode="decimal" also={['heightCm']} value={cm} />
          <Input name="headCircumferenceCm" label="Head circumference (cm)" type="number" step="any" inputMode="decimal" value={m?.headCircumferenceCm} />
        </>
      )}
      <Input name="note" label="Note (optional)" value={m?.note} />
    </>
  );
}

function measurementBody(data: FormData, units: Units, editing: boolean) {
  const empty = editing ? null : undefined;
  const common = { measuredOn: text(data, 'measuredOn'), note: text(data, 'note') ?? empty };
  if (units === 'imperial') {
    return {
      ...common,
      weightLb: number(data, 'weightLb') ?? empty,
      weightOz: number(data, 'weightOz') ?? (number(data, 'weightLb') !== undefined ? 0 : empty),
      lengthIn: number(data, 'lengthIn') ?? empty,
      headCircumferenceIn: number(data, 'headCircumferenceIn') ?? empty,
    };
  }
  return {
    ...common,
    weightKg: number(data, 'weightKg') ?? empty,
    lengthCm: number(data, 'lengthCm') ?? empty,
    headCircumferenceCm: number(data, 'headCircumferenceCm') ?? empty,
  };
}

function RecordMeasurement(props: { babyId: string; changed: () => void }) {
  const { units } = useMe();
  const [saved, setSaved] = useState('');
  return (
    <section aria-labelledby="record-h">
      <h2 id="record-h">Record a measurement</h2>
      <Form submit="Save measurement" label="Record a measurement" onSubmit={async (data, form) => {
        const m = await api.post('/v1/babies/{babyId}/measurements', measurementBody(data, units, false), { path: { babyId: props.babyId } });
        form.reset();
        setSaved(`Saved the measurement of ${String(m.measuredOn)}.`);
        props.changed();
      }}>
        <MeasurementFields units={units} />
      </Form>
      <p role="status" class="saved">{saved}</p>
    </section>
  );
}

function MeasurementItem(props: { m: Measurement; canWrite: boolean; changed: () => void }) {
  const { units } = useMe();
  const { m } = props;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const wfa = m.zScores.find((z) => z.indicator === 'weight-for-age');
  const when = String(m.measuredOn);
  return (
    <li class="item">
      <div>
        <strong>{when}</strong>: {weight(m.weightKg, units)}, {length(m.lengthCm ?? m.heightCm, units)}
        {m.headCircumferenceCm != null ? `, head ${length(m.headCircumferenceCm, units)}` : ''}
        {m.correctedAgeDays != null && Number(m.correctedAgeDays) < 0
          ? <span class="muted"> · before the due date, so no percentile yet</span>
          : wfa ? <span class="muted"> · weight {percentileInWords(wfa.percentile)}</span> : null}
        {m.zScores.some((z) => z.zScore != null && z.flag) ? <span class="flag"> · Please check: a value looks unusual for this age.</span> : null}
      </div>
      {props.canWrite ? (
        <div class="actions">
          <button type="button" class="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={`Edit the measurement of ${when}`}>Edit</button>
          <button type="button" class="secondary" aria-label={`Delete the measurement of ${when}`} onClick={() => {
            if (confirm(`Delete the measurement of ${when}?`)) {
              api.delete('/v1/babies/{babyId}/measurements/{id}', { path: { babyId: m.babyId, id: m.id }, ifMatch: m.version }).then(props.changed, setError);
            }
          }}>Delete</button>
        </div>
      ) : null}
      <Problem error={error} />
      {editing ? (
        <Form submit="Save changes" label={`Edit the measurement of ${when}`} onSubmit={async (data) => {
          await api.patch('/v1/babies/{babyId}/measurements/{id}', measurementBody(data, units, true), { path: { babyId: m.babyId, id: m.id }, ifMatch: m.version });
          setEditing(false);
          props.changed();
        }}>
          <MeasurementFields units={units} m={m} />
        </Form>
      ) : null}
    </li>
  );
}

/** The API's own SVG chart, plus the baby's points as a table (what a screen reader reads). */
function Chart(props: { babyId: string; version: unknown }) {
  const { units } = useMe();
  const [indicator, setIndicator] = useState<Indicator>('weight-for-age');
  const chart = useLoad(() => api.get('/v1/babies/{babyId}/growth/chart', { path: { babyId: props.babyId }, query: { indicator } }), [props.babyId, indicator, props.version]);
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const data = chart.data;
    if (!data) return;
    const last = Math.max(0, ...data.points.map((p) => Number(p.x)));
    const query: { indicator: Indicator; to?: number } = { indicator };
    // Zoom to the baby's age (the API's from/to are months): a young baby's points are legible on a phone.
    if (data.xAxis === 'age') query.to = Math.min(24, Math.max(6, Math.ceil(last / 30.4375 + 2)));
    let url: string | null = null;
    api.blob('/v1/babies/{babyId}/growth/chart.svg', { path: { babyId: props.babyId }, query }).then((blob) => {
      url = URL.createObjectURL(blob);
      setSvg(url);
    }, setError);
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [chart.data]);
  const name = INDICATORS.find(([key]) => key === indicator)?.[1] ?? indicator;
  return (
    <section aria-labelledby="chart-h">
      <h2 id="chart-h">Growth chart</h2>
      <div class="chart-controls">
        <label for="indicator">Chart</label>
        <select id="indicator" value={indicator} onChange={(e) => setIndicator((e.target as HTMLSelectElement).value as Indicator)}>
          {INDICATORS.map(([key, text]) => <option value={key}>{text}</option>)}
        </select>
      </div>
      <Problem error={error} />
      <Loaded state={chart} what="the chart">
        {(c) => (
          <>
            {c.usesCorrectedAge ? <p class="hint">Points are plotted at corrected age.</p> : null}
            {svg ? <img class="chart" src={svg} alt={`${name} chart with WHO percentile curves and ${c.points.length} of the baby's points`} /> : <p role="status" class="loading">Drawing the chart…</p>}
            {c.points.length === 0 ? <Empty>No points on this chart yet.</Empty> : (
              <table>
                <caption>{name}: the baby's points</caption>
                <thead><tr><th scope="col">Date</th><th scope="col">Value</th><th scope="col">Percentile</th></tr></thead>
                <tbody>
                  {c.points.map((p) => (
                    <tr>
                      <td>{p.measuredOn ? String(p.measuredOn) : '—'}</td>
                      <td>{c.valueUnit === 'kg' ? weight(p.value, units) : c.valueUnit === 'cm' ? length(p.value, units) : `${p.value} ${c.valueUnit}`}</td>
                      <td>{percentileInWords(p.percentile)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}


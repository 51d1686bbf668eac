import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/client';

const FormProblem = createContext<ApiError | null>(null);
/** Each form's inputs get ids of their own, so two forms on a page never share a label target. */
const FormId = createContext('f');
let formCount = 0;

/** Loads data for a page; `reload` fetches again after a change. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError | Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => void (live = false);
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · UpNest`;
    heading.current?.focus();
  }, [props.title]);
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1} ref={heading}>{props.title}</h1>
        {props.actions}
      </div>
      {props.children}
    </>
  );
}

export function Loading(props: { what: string }) {
  return <p class="loading" role="status">Loading {props.what}…</p>;
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}

export function Problem(props: { error?: ApiError | Error | null }) {
  if (!props.error) return null;
  const text = props.error instanceof ApiError ? props.error.explanation : 'Something went wrong. Check your connection and try again.';
  return <p class="problem" role="alert">{text}</p>;
}

/** Loading, failure or the content, for a `useLoad` result. */
export function Loaded<T>(props: { state: { data?: T; error?: Error; loading: boolean }; what: string; children: (data: T) => ComponentChildren }) {
  if (props.state.error) return <Problem error={props.state.error} />;
  if (props.state.data === undefined) return <Loading what={props.what} />;
  return <>{props.children(props.state.data)}</>;
}

/**
 * A form whose submit sends to the API; a problem's field errors are shown next to their fields
 * (by the API's `errors` keys) and the rest above the button.
 */
export function Form(props: {
  onSubmit: (data: FormData, form: HTMLFormElement) => Promise<unknown>;
  submit: string;
  children: ComponentChildren;
  label?: string;
  class?: string;
}) {
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [formId] = useState(() => `f${++formCount}`);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(new FormData(form), form);
    } catch (e) {
      setError(e as Error);
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };
  const fieldNames = new Set<string>();
  const apiError = error instanceof ApiError ? error : null;
  return (
    <FormProblem.Provider value={apiError}>
      <FormId.Provider value={formId}>
      <form class={props.class ?? 'form'} onSubmit={onSubmit} aria-label={props.label} noValidate>
        {props.children}
        <OtherProblems error={error} known={fieldNames} />
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : props.submit}</button>
      </form>
      </FormId.Provider>
    </FormProblem.Provider>
  );
}

function OtherProblems(props: { error: ApiError | Error | null; known: Set<string> }) {
  const form = useRef<HTMLDivElement>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  useEffect(() => {
    const error = props.error;
    if (!(error instanceof ApiError)) return setUnplaced([]);
    const owned = new Set(Array.from(form.current?.closest('form')?.querySelectorAll('[data-field]') ?? []).flatMap((e) => (e.getAttribute('data-field') ?? '').split(' ')));
    setUnplaced(Object.entries(error.errors).filter(([key]) => !owned.has(key)).flatMap(([, messages]) => messages));
  }, [props.error]);
  if (!props.error) return <div ref={form} />;
  const fieldless = !(props.error instanceof ApiError) || Object.keys(props.error.errors).length === 0;
  return (
    <div ref={form}>
      {fieldless ? <Problem error={props.error} /> : null}
      {unplaced.length > 0 ? <p class="problem" role="alert">{unplaced.join(' ')}</p> : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  /** Other API field names whose problems belong to this input (e.g. weightKg for a pounds input). */
  also?: string[];
};

function useFieldError(props: FieldProps): string[] {
  const error = useContext(FormProblem);
  if (!error) return [];
  return [props.name, ...(props.also ?? [])].flatMap((key) => error.errors[key] ?? []);
}

function Described(props: FieldProps & { messages: string[]; children: (aria: Record<string, unknown>) => ComponentChildren }) {
  const id = `${useContext(FormId)}-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field" data-field={[props.name, ...(props.also ?? [])].join(' ')}>
      <label for={id}>{props.label}</label>
      {props.hint ? <span class="hint" id={`${id}-hint`}>{props.hint}</span> : null}
      {props.children({ id, name: props.name, 'aria-invalid': props.messages.length ? 'true' : undefined, 'aria-describedby': described || undefined })}
      {props.messages.length ? <span class="field-error" id={`${id}-error`}>{props.messages.join(' ')}</span> : null}
    </div>
  );
}

export function Input(props: FieldProps & { type?: string; value?: string | number | null; required?: boolean; step?: string; min?: string; max?: string; autocomplete?: string; inputMode?: string }) {
  const messages = useFieldError(props);
  return (
    <Described {...props} messages={messages}>
      {(aria) => (
        <input
          {...aria}
          type={props.type ?? 'text'}
          defaultValue={props.value === null || props.value === undefined ? '' : String(props.value)}
          required={props.required}
          step={props.step}
          min={props.min}
          max={props.max}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode as 'decimal' | undefined}
        />
      )}
    </Described>
  );
}

export function Select(props: FieldProps & { options: [string, string][]; value?: string | null; required?: boolean }) {
  const messages = useFieldError(props);
  return (
    <Described {...props} messages={messages}>
      {(aria) => (
        <select {...aria} defaultValue={props.value ?? ''} required={props.required}>
          {props.options.map(([value, text]) => <option value={value}>{text}</option>)}
        </select>
      )}
    </Described>
  );
}

/** FormData value as the API wants it: absent (undefined) when the input is empty. */
export function text(data: FormData, name: string): string | undefined {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

/** A number the parent typed; anything unparseable is sent as typed so the API explains it. */
export function number(data: FormData, name: string): number | undefined {
  const value = text(data, name);
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : (value as unknown as number);
}

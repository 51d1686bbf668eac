import { ApiError } from '../api/client';
import { BASE, navigate } from '../router';
import { session } from '../session';
import { Form, Input, Page, text } from '../ui';

async function signInWith(email: string | undefined, password: string | undefined) {
  const response = await session.post('/v1/auth/login', { email, password });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) throw new ApiError(401, 'Sign-in failed', 'That email and password do not match an account.', {});
    throw new ApiError(response.status, body.title ?? 'Sign-in failed', body.detail, body.errors ?? {});
  }
  session.accept(await response.json());
}

function after(next: string | null) {
  navigate(next && next.startsWith('/') ? next : '/', true);
}

export function SignIn(props: { next: string | null }) {
  const keep = props.next ? `?next=${encodeURIComponent(props.next)}` : '';
  return (
    <Page title="Sign in">
      <Form submit="Sign in" onSubmit={async (data) => { await signInWith(text(data, 'email'), text(data, 'password')); after(props.next); }}>
        <Input name="email" label="Email" type="email" autocomplete="email" required />
        <Input name="password" label="Password" type="password" autocomplete="current-password" required />
      </Form>
      <p>New to UpNest? <a href={`${BASE}/sign-up${keep}`}>Create an account</a></p>
    </Page>
  );
}

export function SignUp(props: { next: string | null }) {
  const keep = props.next ? `?next=${encodeURIComponent(props.next)}` : '';
  return (
    <Page title="Create your account">
      <Form
        submit="Create account"
        onSubmit={async (data) => {
          const body = { email: text(data, 'email'), password: text(data, 'password'), displayName: text(data, 'displayName') };
          const response = await session.post('/v1/auth/register', body);
          if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            throw new ApiError(response.status, problem.title ?? 'Sign-up failed', problem.detail, problem.errors ?? {});
          }
          await signInWith(body.email, body.password);
          after(props.next);
        }}
      >
        <Input name="displayName" label="Your name" autocomplete="name" required />
        <Input name="email" label="Email" type="email" autocomplete="email" required />
        <Input name="password" label="Password" type="password" autocomplete="new-password" hint="At least 10 characters; a few words work well." required />
      </Form>
      <p>Already have an account? <a href={`${BASE}/sign-in${keep}`}>Sign in</a></p>
    </Page>
  );
}

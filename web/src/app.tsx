import { useEffect, useState } from 'preact/hooks';
import { session } from './session';
import { BASE, match, navigate, useLocation } from './router';
import { SignIn, SignUp } from './pages/auth';
import { BabyList, NewBaby } from './pages/babies';
import { BabyPage } from './pages/baby';
import { Settings } from './pages/settings';
import { AcceptInvitation } from './pages/sharing';
import { MeProvider } from './me';

function useSignedIn() {
  const [signedIn, setSignedIn] = useState(session.signedIn());
  useEffect(() => session.subscribe(() => setSignedIn(session.signedIn())), []);
  return signedIn;
}

function Header(props: { signedIn: boolean }) {
  return (
    <header class="top">
      <a class="brand" href={`${BASE}/`}>UpNest</a>
      {props.signedIn ? (
        <nav aria-label="Main">
          <a href={`${BASE}/`}>Babies</a>
          <a href={`${BASE}/settings`}>Settings</a>
          <button type="button" class="link" onClick={() => session.signOut().then(() => navigate('/sign-in'))}>Sign out</button>
        </nav>
      ) : null}
    </header>
  );
}

function Routes(props: { path: string; query: URLSearchParams }) {
  const { path, query } = props;
  let params: Record<string, string> | null;
  if ((params = match('/invite/:code', path))) return <AcceptInvitation code={params.code} />;
  if (path === '/invite') return <AcceptInvitation code="" />;
  if (path === '/') return <BabyList />;
  if (path === '/babies/new') return <NewBaby />;
  if ((params = match('/babies/:babyId', path))) return <BabyPage babyId={params.babyId} tab="growth" />;
  if ((params = match('/babies/:babyId/:tab', path))) return <BabyPage babyId={params.babyId} tab={params.tab} />;
  if (path === '/settings') return <Settings />;
  void query;
  return <p role="alert">This page does not exist. <a href={`${BASE}/`}>Go to your babies</a>.</p>;
}

export function App() {
  const signedIn = useSignedIn();
  const { path, query } = useLocation();
  const publicPage = path === '/sign-in' || path === '/sign-up';
  useEffect(() => {
    if (!signedIn && !publicPage) navigate(`/sign-in?next=${encodeURIComponent(path)}`, true);
    if (signedIn && publicPage) navigate(query.get('next') ?? '/', true);
  }, [signedIn, publicPage]);
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <Header signedIn={signedIn} />
      <main id="main">
        {path === '/sign-in' ? <SignIn next={query.get('next')} /> : null}
        {path === '/sign-up' ? <SignUp next={query.get('next')} /> : null}
        {signedIn && !publicPage ? <MeProvider><Routes path={path} query={query} /></MeProvider> : null}
      </main>
    </>
  );
}

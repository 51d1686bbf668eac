// The parent web app in Debian's Chromium against the real UpNest (fresh SQLite file): one
// parent's day, a caregiver and a viewer in their own browser contexts, axe and screenshots per page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { BASE_URL, SHOTS, assert, axe, axeLog, launch, lookAt, newPerson, report, test } from './harness.mjs';

const run = Date.now().toString(36);
const password = 'correct horse battery staple';
const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const birth = day(-150);
const visible = (locator, timeout = 10000) => locator.first().waitFor({ state: 'visible', timeout });

async function signUp(page, name, email) {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

const browser = await launch();
const owner = await newPerson(browser);
const page = owner.page;
let babyUrl = '';

await test('the axe scanner is live: it finds violations planted in a page', async () => {
  const probe = await browser.newPage();
  await probe.setContent('<html><body><img src="data:,"><input type="text"><button></button></body></html>');
  const ids = (await axe(probe)).map((v) => v.id);
  await probe.close();
  assert(['image-alt', 'label', 'button-name'].every((id) => ids.includes(id)), `axe reported ${ids}`);
});

await test('/ redirects to the app, which asks a new parent to sign in', async () => {
  await page.goto('/');
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  assert(new URL(page.url()).pathname === '/app/sign-in', `landed on ${page.url()}`);
  await lookAt(page, 'sign-in');
});

await test('a wrong password is explained on the sign-in form', async () => {
  await page.getByLabel('Email').fill(`nobody-${run}@example.com`);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'do not match an account' }));
});

await test('a parent signs up and sees the empty state', async () => {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill('Ann');
  await page.getByLabel('Email').fill(`ann-${run}@example.com`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const passwordInput = page.getByLabel('Password');
  await visible(page.locator('.field-error').filter({ hasText: 'at least 10 characters' }));
  assert((await passwordInput.getAttribute('aria-invalid')) === 'true', 'the password field is not marked invalid');
  await lookAt(page, 'sign-up-problem');
  await passwordInput.fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await visible(page.getByRole('heading', { name: 'Your babies' }));
  await visible(page.getByText('No babies yet'));
  await lookAt(page, 'babies-empty');
});

await test('the parent switches to imperial units in settings', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Units').selectOption('imperial');
  await page.getByLabel('Country (two-letter code, e.g. US or GB)').fill('US');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await visible(page.getByText('Settings saved.'));
  await lookAt(page, 'settings');
});

await test('the parent adds a preterm baby with birth measurements in lb/oz', async () => {
  await page.getByRole('link', { name: 'Babies' }).click();
  await page.getByRole('link', { name: 'Add a baby' }).click();
  await page.getByLabel('Name').fill('Mia');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Date of birth').fill(birth);
  await page.getByLabel('Weeks').fill('32');
  await page.getByLabel('Days').fill('3');
  await page.getByLabel('Birth weight (lb)').fill('3');
  await page.getByLabel('and oz').fill('12');
  await lookAt(page, 'add-baby');
  await page.getByRole('button', { name: 'Add baby' }).click();
  await visible(page.getByRole('heading', { name: 'Mia: Growth' }));
  await visible(page.getByText('shown at corrected age'));
  babyUrl = new URL(page.url()).pathname;
});

await test('a problem from the API is shown next to its field', async () => {
  await page.getByLabel('Weight (lb)').fill('7');
  await page.getByLabel('and oz').fill('20');
  await page.getByRole('button', { name: 'Save measurement' }).click();
  await visible(page.locator('.field-error').filter({ hasText: 'ounces must be 0 to under 16' }));
  assert((await page.getByLabel('and oz').getAttribute('aria-invalid')) === 'true', 'the ounces field is not marked invalid');
  await lookAt(page, 'measurement-problem');
});

await test('the parent records three measurements in imperial units', async () => {
  // Born 7½ weeks early 150 days ago: these are 1, 5 and 9 weeks after the due date.
  const entries = [[day(-90), '7', '2', '19.5'], [day(-60), '8', '14', '20.75'], [day(-30), '10', '12', '22.25']];
  for (const [date, lb, oz, inches] of entries) {
    await page.getByLabel('Date measured').fill(date);
    await page.getByLabel('Weight (lb)').fill(lb);
    await page.getByLabel('and oz').fill(oz);
    await page.getByLabel('Length (in)').fill(inches);
    await page.getByRole('button', { name: 'Save measurement' }).click();
    await visible(page.getByRole('status').filter({ hasText: `Saved the measurement of ${date}` }));
  }
  const items = page.getByRole('region', { name: 'Measurements' }).getByRole('listitem');
  await visible(items.filter({ hasText: '10 lb 12 oz' }));
  assert((await items.count()) === 3, `expected 3 measurements, saw ${await items.count()}`);
  await visible(items.filter({ hasText: '7 lb 2 oz' }));
});

await test('the weight chart shows the three points with percentiles in words, at corrected age', async () => {
  const chart = page.getByRole('region', { name: 'Growth chart' });
  const rows = chart.getByRole('table', { name: /Weight for age/ }).getByRole('row');
  await visible(rows.filter({ hasText: /10 lb 1[12](\.\d)? oz/ }));
  assert((await rows.count()) === 4, `expected a header and 3 rows, saw ${await rows.count()}`);
  const text = await chart.getByRole('table').innerText();
  assert(/(on the \d+(st|nd|rd|th)|below the 1st|above the 99th) percentile/.test(text), `no percentile in words: ${text}`);
  const image = chart.getByRole('img', { name: /Weight for age chart .* 3 of the baby's points/ });
  await visible(image);
  await page.waitForFunction(() => document.querySelector('img.chart')?.complete && document.querySelector('img.chart').naturalWidth > 0);
  await visible(chart.getByText('Points are plotted at corrected age.'));
  await visible(page.getByRole('region', { name: 'Where things stand' }).getByText(/Weight for age: (on|below|above) the/));
  await lookAt(page, 'growth');
});

await test('the parent edits and deletes a measurement', async () => {
  const first = day(-90);
  await page.getByRole('button', { name: `Edit the measurement of ${first}` }).click();
  const form = page.getByRole('form', { name: `Edit the measurement of ${first}` });
  await form.getByLabel('and oz').fill('4');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await visible(page.getByRole('listitem').filter({ hasText: '7 lb 4 oz' }));
  await page.getByRole('button', { name: `Delete the measurement of ${day(-60)}` }).click();
  await page.getByRole('listitem').filter({ hasText: '8 lb 14 oz' }).waitFor({ state: 'detached' });
});

await test('the parent records a vaccination and sees it completed', async () => {
  await page.getByRole('link', { name: 'Vaccinations' }).click();
  await visible(page.getByRole('heading', { name: 'Mia: Vaccinations' }));
  await page.getByRole('button', { name: 'Record Hepatitis B dose 1' }).click();
  const form = page.getByRole('form', { name: 'Record Hepatitis B dose 1' });
  await form.getByLabel('Date given').fill(birth);
  await form.getByLabel('Product (optional)').fill('Engerix-B');
  await form.getByLabel('Lot number (optional)').fill('AB123');
  await form.getByLabel('Site (optional)').selectOption('left-thigh');
  await form.getByLabel('Route (optional)').selectOption('intramuscular');
  await form.getByRole('button', { name: 'Save dose' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Recorded Hepatitis B dose 1' }));
  const completed = page.getByRole('region', { name: /^Completed/ });
  await visible(completed.getByRole('listitem').filter({ hasText: 'Hepatitis B dose 1' }).filter({ hasText: 'Completed' }));
  await visible(completed.getByText('lot AB123'));
  await lookAt(page, 'vaccinations');
});

await test('the parent records a reaction and gets a calendar link', async () => {
  await page.getByRole('button', { name: 'Record a reaction to Hepatitis B dose 1' }).click();
  const form = page.getByRole('form', { name: 'Record a reaction to Hepatitis B dose 1' });
  await form.getByLabel('What happened').selectOption('fever');
  await form.getByLabel('How bad').selectOption('mild');
  await form.getByRole('button', { name: 'Save reaction' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Recorded the reaction.' }));
  await page.getByRole('button', { name: 'Get calendar link' }).click();
  const link = await page.getByLabel('Calendar link').inputValue();
  assert(/\/v1\/calendar\/.+\.ics$/.test(link), `unexpected calendar link ${link}`);
  const ics = await (await fetch(link)).text();
  assert(ics.includes('BEGIN:VCALENDAR'), 'the calendar link does not answer a calendar');
});

await test('the parent ticks a milestone with a date and adds a custom one', async () => {
  await page.getByRole('link', { name: 'Milestones' }).click();
  await visible(page.getByRole('heading', { name: 'Mia: Milestones' }));
  const box = page.getByRole('region', { name: 'Social emotional' }).getByRole('checkbox').first();
  const title = await page.getByRole('region', { name: 'Social emotional' }).locator('.check label').first().innerText();
  await box.check();
  await visible(page.getByRole('listitem').filter({ hasText: title }).getByText(/^Achieved \d{4}-\d\d-\d\d/));
  assert(await page.getByRole('checkbox', { name: title }).isChecked(), 'the milestone is not ticked after reload');
  await page.getByLabel('Milestone', { exact: true }).fill('Laughs at the cat');
  await page.getByLabel('Area').selectOption('social-emotional');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await visible(page.getByRole('checkbox', { name: 'Laughs at the cat' }));
  await lookAt(page, 'milestones');
});

async function invite(role) {
  await page.goto(`${babyUrl}/sharing`);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Create invitation' }).click();
  return page.getByLabel('Invitation link').inputValue();
}

const caregiver = await newPerson(browser);
await test('a caregiver accepts an invitation link in a second browser and sees the baby', async () => {
  const link = await invite('caregiver');
  assert(link.startsWith(`${BASE_URL}/app/invite/`), `unexpected link ${link}`);
  await lookAt(page, 'sharing');
  const c = caregiver.page;
  await c.goto(link);
  await visible(c.getByRole('heading', { name: 'Sign in' }));
  await signUp(c, 'Grandma Joan', `joan-${run}@example.com`);
  await visible(c.getByRole('heading', { name: 'Accept an invitation' }));
  await lookAt(c, 'accept-invitation');
  await c.getByRole('button', { name: 'Accept invitation' }).click();
  await visible(c.getByRole('heading', { name: 'Mia: Growth' }));
  await visible(c.getByRole('button', { name: 'Save measurement' }));
  await c.getByRole('link', { name: 'Babies' }).click();
  await visible(c.getByRole('link', { name: /Mia.*Caregiver/ }));
});

const viewer = await newPerson(browser);
await test('a viewer sees no edit controls', async () => {
  const link = await invite('viewer');
  const v = viewer.page;
  await v.goto(link);
  await signUp(v, 'Uncle Bob', `bob-${run}@example.com`);
  await v.getByRole('button', { name: 'Accept invitation' }).click();
  await visible(v.getByRole('heading', { name: 'Mia: Growth' }));
  await visible(v.getByText("You can view Mia's records"));
  await visible(v.getByRole('table', { name: /Weight for age/ }));
  assert((await v.getByRole('button', { name: /Save|Edit|Delete/ }).count()) === 0, 'a viewer sees a save, edit or delete button on growth');
  assert((await v.getByRole('textbox').count()) === 0, 'a viewer sees a text input on growth');
  await lookAt(v, 'viewer-growth');
  await v.getByRole('link', { name: 'Vaccinations' }).click();
  await visible(v.getByRole('heading', { name: 'Mia: Vaccinations' }));
  assert((await v.getByRole('button', { name: /^Record/ }).count()) === 0, 'a viewer sees a record button on vaccinations');
  await v.getByRole('link', { name: 'Milestones' }).click();
  await visible(v.getByRole('heading', { name: 'Mia: Milestones' }));
  assert(await v.getByRole('checkbox').first().isDisabled(), 'a viewer can tick a milestone');
  assert((await v.getByRole('button', { name: 'Add milestone' }).count()) === 0, 'a viewer can add a milestone');
});

await test('a 403 is explained: a caregiver made a viewer while the page is open', async () => {
  const c = caregiver.page;
  await c.goto(babyUrl);
  await visible(c.getByRole('button', { name: 'Save measurement' }));
  await page.goto(`${babyUrl}/sharing`);
  const people = page.getByRole('region', { name: 'Who has access' });
  await visible(people.getByText('Grandma Joan', { exact: true }));
  const joan = await page.evaluate(async (babyPath) => {
    const refresh = localStorage.getItem('upnest.refreshToken');
    const tokens = await (await fetch('/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }) })).json();
    localStorage.setItem('upnest.refreshToken', tokens.refreshToken);
    const auth = { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' };
    const babyId = babyPath.split('/')[3];
    const list = await (await fetch(`/v1/babies/${babyId}/caregivers`, { headers: auth })).json();
    const person = list.items.find((p) => p.displayName === 'Grandma Joan');
    const r = await fetch(`/v1/babies/${babyId}/caregivers/${person.userId}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ role: 'viewer' }) });
    return r.status;
  }, babyUrl);
  assert(joan === 200, `changing the role answered ${joan}`);
  await c.getByLabel('Weight (kg)').fill('4.2'); // Joan kept the default metric units
  await c.getByRole('button', { name: 'Save measurement' }).click();
  await visible(c.getByRole('alert').filter({ hasText: "You can't do that" }));
  await lookAt(c, 'forbidden-explained');
});

await test('the owner sees who has access and revokes the viewer', async () => {
  await page.goto(`${babyUrl}/sharing`);
  const people = page.getByRole('region', { name: 'Who has access' });
  await visible(people.getByText('Uncle Bob', { exact: true }));
  await people.getByRole('button', { name: "Revoke Uncle Bob's access" }).click();
  await people.getByText('Uncle Bob', { exact: true }).waitFor({ state: 'detached' });
  const v = viewer.page;
  await v.goto('/app/');
  await visible(v.getByText('No babies yet'));
});

await test('the owner exports JSON, CSV and FHIR and reads the audit trail', async () => {
  await page.getByRole('link', { name: 'Records' }).click();
  for (const [button, extension] of [['Download JSON', '.json'], ['Download CSV (spreadsheet)', '.csv'], ['Download FHIR (for health systems)', '.fhir.json']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    assert(download.suggestedFilename().endsWith(extension), `${button} saved ${download.suggestedFilename()}`);
  }
  const audit = page.getByRole('table', { name: 'Most recent first' });
  await visible(audit);
  const more = page.getByRole('button', { name: /^Show all \d+ events$/ });
  if (await more.count()) await more.click();
  await visible(audit.getByRole('row').filter({ hasText: 'measurement create' }));
  await visible(audit.getByRole('row').filter({ hasText: 'Grandma Joan' }));
  await lookAt(page, 'records');
});

await test('an expired access token is renewed without the parent noticing', async () => {
  let refreshed = 0;
  page.on('request', (r) => { if (r.url().endsWith('/v1/auth/refresh')) refreshed++; });
  let refused = false;
  await page.route('**/v1/babies', async (route) => {
    if (!refused) {
      refused = true;
      return route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"title":"Unauthorized","status":401}' });
    }
    return route.continue();
  });
  await page.getByRole('link', { name: 'Babies' }).click();
  await visible(page.getByRole('link', { name: /Mia/ }));
  assert(refused && refreshed === 1, `refused=${refused} refreshed=${refreshed}`);
  await page.unroute('**/v1/babies');
  await lookAt(page, 'babies');
});

await test('the babies page lists the vaccinations coming up across babies', async () => {
  const due = page.getByRole('region', { name: 'Vaccinations coming up' });
  await visible(due.getByRole('link', { name: /^Mia: .* dose \d/ }));
  await due.getByRole('link', { name: /^Mia: / }).first().click();
  await visible(page.getByRole('heading', { name: 'Mia: Vaccinations' }));
  await page.getByRole('link', { name: 'Babies' }).click();
});

await test('the parent stays signed in across a reload, and the browser holds nothing but the refresh token', async () => {
  await page.reload();
  await visible(page.getByRole('link', { name: /Mia/ }));
  const stored = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie }));
  assert(JSON.stringify(stored) === JSON.stringify({ local: ['upnest.refreshToken'], session: [], cookies: '' }), JSON.stringify(stored));
  assert((await owner.context.cookies()).length === 0, 'cookies were set');
});

await test('the owner edits, deletes and restores the baby', async () => {
  await page.goto(`${babyUrl}/edit`);
  await page.getByLabel('Name').fill('Mia Rose');
  await page.getByRole('button', { name: 'Save details' }).click();
  await visible(page.getByRole('heading', { name: 'Mia Rose: Details' }));
  await lookAt(page, 'details');
  await page.getByRole('button', { name: 'Delete Mia Rose' }).click();
  await visible(page.getByRole('heading', { name: 'Mia Rose was deleted' }));
  await page.getByRole('button', { name: 'Restore Mia Rose' }).click();
  await visible(page.getByRole('heading', { name: 'Mia Rose: Details' }));
});

await test('a parent deletes the account and restores it in the grace period', async () => {
  const v = viewer.page;
  await v.getByRole('link', { name: 'Settings' }).click();
  await v.getByRole('button', { name: 'Delete my account' }).click();
  await visible(v.getByRole('heading', { name: 'Your account is scheduled for deletion' }));
  await lookAt(v, 'account-deleted');
  await v.getByRole('button', { name: 'Restore my account' }).click();
  await visible(v.getByRole('button', { name: 'Delete my account' }));
});

await test('signing out ends the session on the server', async () => {
  const before = await page.evaluate(() => localStorage.getItem('upnest.refreshToken'));
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await visible(page.getByRole('heading', { name: 'Sign in' }));
  const after = await page.evaluate(() => Object.keys(localStorage));
  assert(after.length === 0, `left in storage: ${after}`);
  const reuse = await fetch(`${BASE_URL}/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: before }) });
  assert(reuse.status === 401, `the old refresh token still works: ${reuse.status}`);
});

await test('no console errors or CSP violations in any browser', async () => {
  const errors = [owner, caregiver, viewer].flatMap((p) => p.page.consoleErrors);
  assert(errors.length === 0, errors.join('\n'));
});

mkdirSync(SHOTS, { recursive: true });
writeFileSync(`${SHOTS}/axe-results.json`, JSON.stringify(axeLog, null, 2));
const counts = axeLog.reduce((a, r) => { for (const v of r.violations) a[v.impact] = (a[v.impact] ?? 0) + 1; return a; }, {});
console.log(`browser: axe scanned ${axeLog.length} page views (${new Set(axeLog.map((r) => r.page)).size} pages × phone and desktop): ${JSON.stringify(counts)} violations by impact; screenshots in ${SHOTS}`);
await browser.close();
process.exit(report() ? 0 : 1);

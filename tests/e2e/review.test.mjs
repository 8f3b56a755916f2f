// The operator's review against the reference HTTP backend with its mail sink: an applicant
// enrolls in French and verifies the address; an operator (in English) finds the application
// in the queue and asks for the bank details to be changed; the French email and the status
// page say what and why; the applicant changes them and resubmits under the same reference;
// the operator, who took the application, finds it under "Assigned to me" and approves; the
// global admin of the work account that enrolled signs in as the new partner, signs the
// partner agreement, after which the customer pages open, and adds a user.
// Then an application in Russian is rejected with a reason that the applicant reads in
// Russian. axe-core finds nothing on each review page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { t } from './ftl.mjs';
import { enrollInFrench, next } from './journeys.mjs';
import { email, linkIn, api } from './helpers.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${where}`);
}

const PRODUCT = 'Contoso Cloud Partners';

/// An operator of the program, signed in (in English) in a browser context of their own.
async function operator() {
  const page = await newPage(browser, '/sign-in');
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('User name (work email address)').fill('reviewer@csp-operations.example');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Review applications' }).click();
  await page.getByRole('heading', { name: 'Applications to review' }).waitFor();
  return page;
}

/// The operator opens application `reference` from the queue (the in-review applications).
async function openFromQueue(op, reference) {
  await op.getByRole('navigation').getByRole('link', { name: 'Review applications' }).click();
  await op.getByRole('heading', { name: 'Applications to review' }).waitFor();
  await op.getByRole('link', { name: reference, exact: true }).click();
  await op.getByRole('heading', { name: `Application ${reference}` }).waitFor();
}

/// The email about `reference` whose subject names `status` (in `lang`).
const statusEmail = (lang, reference, status) => email((m) => m.subject
  === t(lang, 'mail-status-subject', { product: PRODUCT, reference, status: t(lang, `status-${status}`) }));

test('changes requested in French, resubmitted, approved: the new partner signs the agreement', async () => {
  // The applicant enrolls in French and verifies the address with the emailed link.
  const page = await newPage(browser);
  await enrollInFrench(page, { legalName: 'Contoso Paris SAS', accountHolder: 'Contoso Paris SAS' });
  await page.getByRole('button', { name: 'S\'inscrire maintenant' }).click();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  const reference = await page.getByText(/^APP-\d{6}$/).textContent();
  const id = page.url().split('/applications/')[1];
  await page.goto(linkIn(await email((m) => m.subject.includes(reference))));
  await page.getByRole('heading', { name: 'Adresse e-mail vérifiée' }).waitFor();

  // The operator finds it in the queue and asks for other bank details.
  const op = await operator();
  await noAxeViolations(op, 'the review queue');
  const row = op.getByRole('row').filter({ has: op.getByRole('link', { name: reference, exact: true }) });
  await row.getByText('Contoso Paris SAS').waitFor();
  await row.getByText('France').waitFor();
  await row.getByText('Indirect reseller').waitFor();
  await openFromQueue(op, reference);
  // The operator takes it: it is theirs in the queue.
  await op.getByRole('button', { name: 'Take this application' }).click();
  await op.getByText('You have this application now').waitFor();
  await op.getByText('You (reviewer@csp-operations.example)').waitFor();
  await op.getByText('Primary contact\'s email address confirmed').waitFor();
  // The answers as sent (the IBAN as the backend keeps it, without spaces, then the BIC).
  const iban = (spaced) => new RegExp(`^${spaced.replace(/ /g, ' ?')} · BNPAFRPP$`);
  await op.getByText(iban('FR76 3000 6000 0112 3456 7890 189')).waitFor();
  await noAxeViolations(op, 'an application to review');
  await op.getByLabel('Request changes').check();
  const why = 'Ce compte n\'est pas au nom de Contoso Paris SAS : indiquez le compte de l\'entreprise.';
  // A request for changes names the steps and says why.
  await op.getByRole('button', { name: 'Send decision' }).click();
  await op.getByRole('alert').getByText('There is a problem').waitFor();
  await op.getByRole('alert').getByRole('link', { name: 'Select at least one step the applicant must change' }).waitFor();
  await op.getByLabel('Bank information').check();
  await op.getByLabel('Message to the applicant').fill(why);
  await noAxeViolations(op, 'the decision with its errors');
  await op.getByRole('button', { name: 'Send decision' }).click();
  await op.getByText('Decision recorded: the application is now "Needs changes".').waitFor();

  // The French email says what to change and why.
  const changes = await statusEmail('fr', reference, 'needs-changes');
  assert.deepEqual(changes.to, ['elodie.martin@contoso.fr']);
  assert.ok(changes.text.includes(t('fr', 'mail-status-needs-changes')), changes.text);
  assert.ok(changes.text.includes('À modifier : Coordonnées bancaires'), changes.text);
  assert.ok(changes.text.includes(`Message de l'examinateur : ${why}`), changes.text);
  assert.ok(changes.text.includes(`${BASE}/applications/${id}`), changes.text);

  // So does the status page, with the way to the bank step.
  await page.goto(`${BASE}/applications/${id}`);
  await page.getByText('Modifications nécessaires', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'À modifier' }).waitFor();
  await page.getByText(`Message de l'examinateur : ${why}`).waitFor();
  await noAxeViolations(page, 'the status page, changes requested');
  await page.getByRole('link', { name: 'Modifier Coordonnées bancaires' }).click();
  await page.getByRole('heading', { name: 'Coordonnées bancaires' }).waitFor();
  await page.getByLabel('Titulaire du compte').fill('Contoso Paris SAS');
  await page.getByLabel('IBAN').fill('FR76 3000 4000 0312 3456 7890 143');
  await page.getByLabel('BIC (code SWIFT)').fill('BNPAFRPP');
  await next(page);
  await page.getByRole('heading', { name: 'Vérifiez vos réponses avant de renvoyer la demande' }).waitFor();
  await page.getByText(`Vous modifiez la demande ${reference}.`, { exact: false }).waitFor();
  await page.getByText(/^FR76 ?3000 ?4000 ?0312 ?3456 ?7890 ?143 · BNPAFRPP$/).waitFor();
  await noAxeViolations(page, 'check your answers before resubmitting');
  await page.getByRole('button', { name: 'Renvoyer' }).click();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  assert.equal(page.url(), `${BASE}/applications/${id}`);
  await page.getByText(reference, { exact: true }).waitFor();
  await page.getByText('En cours d\'examen', { exact: true }).waitFor();

  // The operator finds it among theirs, reads the new answers and approves.
  await op.getByRole('navigation').getByRole('link', { name: 'Review applications' }).click();
  await op.getByLabel('Assigned to me').check();
  await op.getByRole('button', { name: 'Show applications' }).click();
  const mine = op.getByRole('row').filter({ has: op.getByRole('link', { name: reference, exact: true }) });
  await mine.getByText('reviewer@csp-operations.example').waitFor();
  await noAxeViolations(op, 'the review queue, assigned to me');
  await mine.getByRole('link', { name: reference, exact: true }).click();
  await op.getByRole('heading', { name: `Application ${reference}` }).waitFor();
  await op.getByText(iban('FR76 3000 4000 0312 3456 7890 143')).waitFor();
  await op.getByLabel('Approve').check();
  await op.getByRole('button', { name: 'Send decision' }).click();
  await op.getByText('Decision recorded: the application is now "Approved".').waitFor();
  // The audit trail: each step, who made it, and the reason given.
  const trail = op.getByRole('table', { name: 'History' });
  const line = (event) => trail.getByRole('row').filter({ hasText: event });
  await line('Submitted').getByText('The applicant').waitFor();
  await line('Email address confirmed').waitFor();
  await line('Taken').getByText('reviewer@csp-operations.example').waitFor();
  const asked = line('Changes requested');
  await asked.getByText('reviewer@csp-operations.example').waitFor();
  await asked.getByText('In review → Needs changes').waitFor();
  await asked.getByText('Steps to change: Bank information').waitFor();
  await asked.getByText(why).waitFor();
  await line('Sent back after changes').getByText('Needs changes → In review').waitFor();
  await line('Approved').getByText('In review → Approved').waitFor();
  assert.equal(await trail.getByRole('row').count(), 7, 'a header and six lines');
  await noAxeViolations(op, 'an approved application');

  // The approval email, in French.
  const approved = await statusEmail('fr', reference, 'approved');
  assert.ok(approved.text.includes(t('fr', 'mail-status-approved')), approved.text);

  // The global admin of the work account that enrolled signs in as the new partner.
  await page.getByRole('button', { name: 'Actualiser le statut' }).click();
  await page.getByText('Approuvée', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Se connecter au portail' }).click();
  await page.getByLabel(t('fr', 'sign-in-user-name')).fill('admin@contoso.fr');
  await page.getByLabel(t('fr', 'password')).fill('motdepasse');
  await page.getByRole('button', { name: t('fr', 'sign-in') }).click();
  await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  await page.getByText(t('fr', 'agreement-not-signed-body')).waitFor();

  // The customer pages are closed until the agreement is signed.
  await page.goto(`${BASE}/customers`);
  await page.getByRole('heading', { name: t('fr', 'agreement-gate-heading') }).waitFor();
  await noAxeViolations(page, 'a partner page before the agreement');
  await page.getByRole('link', { name: t('fr', 'agreement-sign-link') }).click();
  await page.getByRole('heading', { name: t('fr', 'agreement-heading') }).waitFor();
  await noAxeViolations(page, 'the partner agreement');
  await page.getByLabel(t('fr', 'agreement-name')).fill('Claire Dubois');
  await page.getByLabel(t('fr', 'agreement-job-title')).fill('Directrice générale');
  await page.getByLabel(/^J'ai lu la version .* du contrat de partenariat/).check();
  await page.getByRole('button', { name: t('fr', 'agreement-sign') }).click();
  await page.getByText(/^Signé par Claire Dubois \(Directrice générale, admin@contoso\.fr\) le /).waitFor();
  await noAxeViolations(page, 'the signed partner agreement');

  // Now they open, empty and the partner's own, and the admin adds a user.
  await page.goto(`${BASE}/customers`);
  await page.getByRole('heading', { name: t('fr', 'customers-heading') }).waitFor();
  await page.getByText(t('fr', 'customers-empty')).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: t('fr', 'nav-users'), exact: true }).click();
  await page.getByRole('button', { name: t('fr', 'users-add') }).click();
  await page.getByLabel(t('fr', 'user-full-name')).fill('Luc Bernard');
  await page.getByLabel(t('fr', 'user-email')).fill('luc.bernard@contoso.fr');
  await page.getByLabel(t('fr', 'role-not-agent')).check();
  await page.getByRole('button', { name: t('fr', 'add-user-add'), exact: true }).click();
  await page.getByRole('heading', { name: t('fr', 'confirm-user-heading') }).waitFor();
  await page.getByRole('button', { name: t('fr', 'confirm-user-add') }).click();
  await page.getByRole('heading', { name: t('fr', 'user-added-heading') }).waitFor();
  await page.getByText('luc.bernard@contoso.fr').first().waitFor();
  await op.context().close();
  await page.context().close();
});

/// A partner already enrolled in CSP: support details only, the support address the primary contact.
const enrolledDraft = (email) => ({
  partner_type: 'indirect-reseller', already_enrolled: true, tenant: null, profile: null,
  work_account: { mode: null, user_name: '', new_tenant: { organization: '', domain_prefix: '', country: '', admin_first_name: '', admin_last_name: '', admin_email: '' } },
  legal: { legal_name: '', address: { line1: '', line2: '', city: '', state: '', postal_code: '', country: '' }, registration_id: '' },
  contact: { first_name: '', last_name: '', email: '', phone: '' },
  support: { email, phone: '+7 495 123-45-67', website: '' },
  bank: { country: '', account_holder: '', iban: '', bic: '', bank_code: '', account_number: '' },
});

test('rejected with a reason, which the applicant reads in Russian', async () => {
  // A Russian reseller already enrolled in CSP applies in Russian, in its work-account session.
  const signIn = await api('POST', '/work-account/sign-in', { user_name: 'admin@contoso.ru', password: 'motdepasse' });
  assert.equal(signIn.status, 200, signIn.text);
  const applicant = { cookie: signIn.cookie, csrf: signIn.json.csrf_token };
  const made = await api('POST', '/applications', { idempotency_key: 'e2e-review-ru', draft: enrolledDraft('otdel@contoso.ru'), language: 'ru' }, applicant);
  assert.equal(made.status, 201, made.text);
  const { id, reference } = made.json;
  const page = await newPage(browser, '/');
  const [name, value] = applicant.cookie.split('=');
  await page.context().addCookies([{ name, value, url: `${BASE}/api/` }]);
  await page.getByLabel('Language').selectOption('ru');
  // The choice is the app's once it has taken the prerendered start page over.
  await page.getByRole('heading', { name: t('ru', 'home-heading') }).waitFor();
  await page.goto(linkIn(await email((m) => m.subject.includes(reference))));
  await page.getByRole('heading', { name: t('ru', 'verify-done-heading') }).waitFor();

  const op = await operator();
  await openFromQueue(op, reference);
  await op.getByLabel('Reject').check();
  await op.getByLabel('The email address\'s domain does not belong to the company').check();
  const why = 'Домен contoso.ru принадлежит другой компании. Подайте заявку с адреса вашей компании.';
  await op.getByLabel('Message to the applicant').fill(why);
  await op.getByRole('button', { name: 'Send decision' }).click();
  await op.getByText('Decision recorded: the application is now "Not approved".').waitFor();
  await op.getByText('No decision can be made now: the application is "Not approved".').waitFor();
  const line = op.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: 'Rejected' });
  await line.getByText('The email address\'s domain does not belong to the company').waitFor();
  await line.getByText(why).waitFor();

  const reason = t('ru', 'mail-review-reason', { reason: t('ru', 'reject-reason-domain-not-owned') });
  const message = t('ru', 'mail-review-message', { message: why });
  const mail = await statusEmail('ru', reference, 'rejected');
  assert.deepEqual(mail.to, ['otdel@contoso.ru']);
  assert.ok(mail.text.includes(t('ru', 'mail-status-rejected')), mail.text);
  assert.ok(mail.text.includes(reason), mail.text);
  assert.ok(mail.text.includes(message), mail.text);

  await page.goto(`${BASE}/applications/${id}`);
  await page.getByRole('heading', { name: t('ru', 'status-heading') }).waitFor();
  await page.getByText(t('ru', 'status-rejected'), { exact: true }).waitFor();
  await page.getByText(t('ru', 'mail-status-rejected')).waitFor();
  await page.getByText(reason).waitFor();
  await page.getByText(message).waitFor();
  await noAxeViolations(page, 'the status page, rejected');
  await op.context().close();
  await page.context().close();
});

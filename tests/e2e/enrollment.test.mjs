// The whole enrollment, in French, against the reference HTTP backend: a consumer email and
// a profile from another country refused, a reload halfway that keeps the answers, and the
// status page read back from the backend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { email, sql, api } from './server.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const next = (page) => page.getByRole('button', { name: 'Continuer' }).click();

test('an indirect reseller enrolls in French with a French address and IBAN', async () => {
  const page = await newPage(browser);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { name: 'Inscription au programme Fournisseur de solutions cloud' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
  await next(page);

  // Partner type
  await next(page);
  await page.getByRole('alert').getByText('Il y a un problème').waitFor();
  assert.match(await page.title(), /^Erreur :/);
  await page.getByLabel('Revendeur indirect').check();
  await next(page);

  // Work account: the tenant's country comes from the backend (contoso.fr → France)
  await page.getByLabel('Oui, me connecter en tant qu\'administrateur général').check();
  await page.getByLabel('Nom d\'utilisateur de l\'administrateur général').fill('admin@contoso.fr');
  await page.getByLabel('Mot de passe').fill('motdepasse');
  await next(page);

  // MPN ID: the UK profile is shown with the reason and cannot be chosen
  await page.getByRole('heading', { name: 'Associer votre ID MPN' }).waitFor();
  await page.getByLabel('Nom d\'utilisateur du réseau de partenaires').fill('pmc@contoso.fr');
  await page.getByLabel('Mot de passe').fill('motdepasse');
  await next(page);
  const uk = page.getByLabel(/Contoso UK/);
  assert.equal(await uk.isDisabled(), true);
  await page.getByText('Ce profil est situé en Royaume-Uni, mais votre compte professionnel est en France').waitFor();
  await page.getByLabel(/Contoso France/).check();
  await next(page);

  // Legal profile: Cyrillic refused, then a French address
  await page.getByRole('heading', { name: 'Profil juridique de l\'entreprise' }).waitFor();
  assert.equal(await page.getByLabel('Pays ou région').inputValue(), 'FR');
  await page.getByLabel('Raison sociale').fill('Contoso SARL');
  await page.getByLabel('Adresse, ligne 1').fill('Тверская 7');
  await page.getByLabel(/^Ville/).fill('Paris');
  await page.getByLabel(/^Code postal/).fill('75002');
  await next(page);
  await page.getByText('Utilisez uniquement des caractères latins (Europe occidentale) : « Т » n\'est pas accepté').first().waitFor();
  await page.getByLabel('Adresse, ligne 1').fill('12 rue de la Paix');
  await next(page);

  // Primary contact: reload halfway keeps what was typed
  await page.getByRole('heading', { name: 'Contact principal' }).waitFor();
  await page.getByLabel('Prénom').fill('Élodie');
  await page.getByLabel('Nom', { exact: true }).fill('Martin');
  await page.reload();
  await page.getByRole('heading', { name: 'Contact principal' }).waitFor();
  assert.equal(await page.getByLabel('Prénom').inputValue(), 'Élodie');
  assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Martin');
  await page.getByLabel('Adresse e-mail professionnelle').fill('elodie.martin@gmail.com');
  await next(page);
  await page.getByRole('alert').getByText('les adresses personnelles en gmail.com ne sont pas acceptées').waitFor();
  assert.equal(await page.getByLabel('Adresse e-mail professionnelle').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Adresse e-mail professionnelle').fill('elodie.martin@contoso.fr');
  await page.getByLabel(/^Numéro de téléphone/).fill('+33 1 23 45 67 89');
  await next(page);

  // Customer support
  await page.getByLabel('Adresse e-mail du support').fill('support@contoso.fr');
  await page.getByLabel('Numéro de téléphone du support').fill('+33 1 98 76 54 32');
  await page.getByLabel(/^Site web du support/).fill('contoso.fr');
  await next(page);

  // Bank
  await page.getByRole('heading', { name: 'Coordonnées bancaires' }).waitFor();
  await page.getByLabel('Titulaire du compte').fill('Contoso SARL');
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByLabel('BIC (code SWIFT)').fill('BNPAFRPP');
  await next(page);
  await page.getByText('Saisissez un IBAN valide : la clé de contrôle ne correspond pas').first().waitFor();
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await next(page);

  // Check answers, then Enroll now (twice: one application)
  await page.getByRole('heading', { name: 'Vérifiez vos réponses avant de vous inscrire' }).waitFor();
  await page.getByText('12 rue de la Paix, Paris, 75002, France').waitFor();
  await page.getByText('elodie.martin@contoso.fr').waitFor();
  const enroll = page.getByRole('button', { name: 'S\'inscrire maintenant' });
  await enroll.dblclick();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  await page.getByText('En attente de vérification de l\'e-mail').waitFor();
  const id = page.url().split('/applications/')[1];
  assert.doesNotMatch(id, /^APP-\d+$/, 'the status link is not a guessable counter');
  await page.getByText(/^APP-\d{6}$/).waitFor();
  // The application is the applicant's: readable in their browser session, not by anyone else.
  assert.ok([401, 404].includes((await fetch(`${BASE}/api/applications/${id}`)).status));
  const app = await page.evaluate(async (id) => (await fetch(`/api/applications/${id}`)).json(), id);
  assert.equal(app.primary_contact_email, 'elodie.martin@contoso.fr');
  assert.equal(app.tenant.country, 'FR');
  // The draft is cleared after a successful submit.
  assert.equal(await page.evaluate(() => localStorage.getItem('csp-portal.draft.v1')), null);

  // The French email reaches the mail sink; its link verifies the address, once.
  const reference = app.reference;
  const mail = await email((m) => m.subject.includes(reference));
  assert.deepEqual(mail.to, ['elodie.martin@contoso.fr']);
  assert.equal(mail.subject, `Contoso Cloud Partners : confirmez votre adresse e-mail (${reference})`);
  assert.match(mail.text, /^Bonjour,/);
  assert.match(mail.html, /<a href="http:\/\/127\.0\.0\.1:\d+\/verify-email#[0-9a-f]{64}">Confirmer mon adresse e-mail<\/a>/);
  const link = linkIn(mail);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Adresse e-mail vérifiée' }).waitFor();
  await page.getByText(`La demande ${reference} est maintenant en cours d'examen.`).waitFor();
  await page.getByRole('link', { name: `Voir le statut de la demande ${reference}` }).click();
  await page.getByText('En cours d\'examen', { exact: true }).waitFor();
  await page.getByText(/^elodie\.martin@contoso\.fr : vérifiée le /).waitFor();
  await page.goto(link);
  await page.getByRole('heading', { name: 'Ce lien a déjà été utilisé' }).waitFor();
  await page.context().close();
});

const linkIn = (mail) => /https?:\/\/\S+\/verify-email#[0-9a-f]+/.exec(mail.text)[0];

test('an expired link sends a new one to the same address, which verifies', async () => {
  const signIn = await api('POST', '/work-account/sign-in', { user_name: 'admin@contoso.de', password: 'motdepasse' });
  assert.equal(signIn.status, 200, signIn.text);
  const applicant = { cookie: signIn.cookie, csrf: signIn.json.csrf_token };
  const made = await api('POST', '/applications', { idempotency_key: 'e2e-expired', draft: enrolledDraft('support@contoso.de'), language: 'fr' }, applicant);
  assert.equal(made.status, 201, made.text);
  const { id, reference } = made.json;
  const first = linkIn(await email((m) => m.subject.includes(reference)));
  // Three days and two minutes later, as far as this application's link and emails go.
  sql('UPDATE email_verifications SET expires_at = 0 WHERE application_id = ?', id);
  sql('UPDATE applications SET verification_sent_at = verification_sent_at - 120 WHERE id = ?', id);

  const page = await newPage(browser, '/');
  await page.getByLabel('Language').selectOption('fr');
  // The choice is the app's once it has taken the prerendered start page over.
  await page.getByRole('heading', { name: 'Inscription au programme Fournisseur de solutions cloud' }).waitFor();
  await page.goto(first);
  await page.getByRole('heading', { name: 'Ce lien a expiré' }).waitFor();
  await page.getByRole('button', { name: 'Envoyer un nouveau lien' }).click();
  await page.getByText(/^Nous avons envoyé un nouveau lien à support@contoso\.de/).waitFor();
  const second = linkIn(await email((m) => m.subject.includes(reference) && linkIn(m) !== first));
  await page.goto(second);
  await page.getByRole('heading', { name: 'Adresse e-mail vérifiée' }).waitFor();
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

test('the status page follows the backend', async () => {
  // A Russian reseller already enrolled in CSP (support details only) applies through the API
  // in its work-account session; a reviewer of the operator approves it.
  const signIn = await api('POST', '/work-account/sign-in', { user_name: 'admin@contoso.ru', password: 'motdepasse' });
  assert.equal(signIn.status, 200, signIn.text);
  const applicant = { cookie: signIn.cookie, csrf: signIn.json.csrf_token };
  const made = await api('POST', '/applications', { idempotency_key: 'e2e-status', draft: enrolledDraft('support@contoso.ru') }, applicant);
  assert.equal(made.status, 201, made.text);
  const { id, reference } = made.json;
  assert.match(reference, /^APP-\d{6}$/);
  // Without the applicant's session, nobody else reads it.
  assert.ok([401, 404].includes((await api('GET', `/applications/${id}`)).status));

  const page = await newPage(browser, '/');
  const [name, value] = applicant.cookie.split('=');
  await page.context().addCookies([{ name, value, url: `${BASE}/api/` }]);
  await page.goto(`${BASE}/applications/${id}`);
  await page.getByLabel('Language').selectOption('ru');
  await page.getByRole('heading', { name: 'Заявка отправлена' }).waitFor();
  await page.getByText(reference).waitFor();
  await page.getByText('Ожидается подтверждение адреса электронной почты').waitFor();

  // The address is verified by the emailed link; deciding is the operator's: the applicant
  // can't, the reviewer can.
  const token = linkIn(await email((m) => m.subject.includes(reference))).split('#')[1];
  const verified = await api('POST', '/email-verifications', { token });
  assert.equal(verified.status, 200, verified.text);
  const { version } = (await api('GET', `/applications/${id}`, null, applicant)).json;
  const decision = { action: 'approve', version };
  const refused = await api('POST', `/review/applications/${id}/decisions`, decision, applicant);
  assert.ok([401, 403].includes(refused.status), refused.text);
  const reviewer = await api('POST', '/session', { user_name: 'reviewer@csp-operations.example', password: 'demo' });
  assert.equal(reviewer.status, 200, reviewer.text);
  const approved = await api('POST', `/review/applications/${id}/decisions`, decision, { cookie: reviewer.cookie, csrf: reviewer.json.csrf_token });
  assert.equal(approved.status, 200, approved.text);
  await page.getByRole('button', { name: 'Проверить состояние снова' }).click();
  await page.getByText('Одобрена', { exact: true }).waitFor();
  await page.getByText('Убедитесь, что вы входите в группу агентов по администрированию').waitFor();
  await page.goto(`${BASE}/applications/app_0000`);
  await page.getByText('Не удалось найти запрошенные данные').waitFor();
  await page.context().close();
});

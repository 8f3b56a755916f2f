// The whole loop on the in-browser demo backend (the static build with no API configured, as
// the README's first command serves it): enroll in French, the demo's Outbox page shows the
// French email, its link verifies the address, the status page says "in review", and the same
// link again says it has been used; a link the demo never sent says what to check. axe-core
// finds nothing on each page of the loop. Then the demo's operator reviews an application in
// the same tab: changes requested, the applicant's answer, the approval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { enrollInFrench } from './journeys.mjs';
import { t } from './ftl.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${where}`);
}

test('enroll in French, verify the address from the demo outbox, and follow the link only once', async () => {
  const page = await newPage(browser);
  await enrollInFrench(page);
  await page.getByRole('button', { name: 'S\'inscrire maintenant' }).click();

  // Submitted: not verified yet, and another email only in a minute.
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  await page.getByText('En attente de vérification de l\'e-mail').waitFor();
  await page.getByText('elodie.martin@contoso.fr : pas encore vérifiée').waitFor();
  const reference = await page.getByText(/^APP-\d{6}$/).textContent();
  const statusPage = page.url();
  assert.equal(await page.getByRole('button', { name: 'Renvoyer l\'e-mail' }).isDisabled(), true);
  await page.getByText(/^Vous pourrez demander un nouvel e-mail à partir du /).waitFor();
  await noAxeViolations(page, 'the status page, awaiting verification');

  // The demo's outbox, from the header: the email in French, to the primary contact.
  await page.getByRole('navigation').getByRole('link', { name: 'Boîte d\'envoi de la démo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Boîte d\'envoi de la démo' }).waitFor();
  const subject = `CSP Partner Portal : confirmez votre adresse e-mail (${reference})`;
  await page.getByRole('heading', { level: 2, name: subject }).waitFor();
  await page.getByText('Confirmer mon adresse e-mail').waitFor();
  await page.getByText('elodie.martin@contoso.fr', { exact: true }).waitFor();
  await noAxeViolations(page, 'the demo outbox');
  const link = page.getByRole('link', { name: /\/verify-email#/ });
  const href = await link.getAttribute('href');
  assert.match(href, new RegExp(`^${BASE}/verify-email#[0-9a-f]{32}$`));

  // Its link verifies the address: the review starts.
  await link.click();
  await page.getByRole('heading', { name: 'Adresse e-mail vérifiée' }).waitFor();
  await page.getByText(`La demande ${reference} est maintenant en cours d'examen.`).waitFor();
  await noAxeViolations(page, 'the verified page');
  await page.getByRole('link', { name: `Voir le statut de la demande ${reference}` }).click();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  assert.equal(page.url(), statusPage);
  await page.getByText('En cours d\'examen', { exact: true }).waitFor();
  await page.getByText(/^elodie\.martin@contoso\.fr : vérifiée le /).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Renvoyer l\'e-mail' }).count(), 0);
  await noAxeViolations(page, 'the status page, verified');

  // The same link again: used, and the address is verified.
  await page.goto(href);
  await page.getByRole('heading', { name: 'Ce lien a déjà été utilisé' }).waitFor();
  await page.getByText(/^Votre adresse e-mail est vérifiée/).waitFor();
  await noAxeViolations(page, 'the used-link page');

  // A link the demo never sent: what to check, and the way to the status page.
  await page.goto(`${BASE}/verify-email#0123456789abcdef0123456789abcdef`);
  await page.getByRole('heading', { name: 'Nous ne reconnaissons pas ce lien' }).waitFor();
  await page.getByRole('link', { name: `Voir le statut de la demande ${reference}` }).waitFor();
  await noAxeViolations(page, 'the unknown-link page');
  await page.context().close();
});

test('the demo\'s operator asks for other bank details, then approves what the applicant sent back', async () => {
  const page = await newPage(browser);
  await enrollInFrench(page, { legalName: 'Contoso Demo SARL' });
  await page.getByRole('button', { name: 'S\'inscrire maintenant' }).click();
  await page.getByRole('heading', { name: 'Demande envoyée' }).waitFor();
  const reference = await page.getByText(/^APP-\d{6}$/).textContent();
  const statusPage = page.url();
  await page.getByRole('navigation').getByRole('link', { name: 'Boîte d\'envoi de la démo' }).click();
  await page.getByRole('link', { name: /\/verify-email#/ }).click();
  await page.getByRole('heading', { name: 'Adresse e-mail vérifiée' }).waitFor();

  // The operator signs in in the same tab (the demo's data is this browser's), in English.
  await page.getByLabel(t('fr', 'language-label')).selectOption('en');
  await page.getByRole('heading', { name: t('en', 'verify-done-heading') }).waitFor();
  await page.goto(`${BASE}/sign-in`);
  // The sign-in page names the demo's operator.
  await page.getByText(/to review applications, reviewer@csp-operations\.example \(the program's operator\)/).waitFor();
  await page.getByLabel('User name (work email address)').fill('reviewer@csp-operations.example');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const review = async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Review applications' }).click();
    await page.getByRole('heading', { name: 'Applications to review' }).waitFor();
    await page.getByRole('link', { name: reference, exact: true }).click();
    await page.getByRole('heading', { name: `Application ${reference}` }).waitFor();
  };
  await review();
  await noAxeViolations(page, 'the demo\'s application to review');
  await page.getByLabel('Request changes').check();
  await page.getByLabel('Bank information').check();
  await page.getByLabel('Message to the applicant').fill('Indiquez le compte de Contoso Demo SARL.');
  await page.getByRole('button', { name: 'Send decision' }).click();
  await page.getByText('Decision recorded: the application is now "Needs changes".').waitFor();

  // The applicant reads the request on the status page and in the outbox, in French (the
  // choice is kept once the page is in French).
  const french = async () => {
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: t('fr', 'nav-review') }).waitFor();
  };
  await french();
  await page.goto(statusPage);
  await page.getByText('Modifications nécessaires', { exact: true }).waitFor();
  await page.getByText('Message de l\'examinateur : Indiquez le compte de Contoso Demo SARL.').waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Boîte d\'envoi de la démo' }).click();
  await page.getByRole('heading', { level: 2, name: `CSP Partner Portal : votre demande ${reference} est maintenant « Modifications nécessaires »` }).waitFor();
  await page.goBack();
  await page.getByRole('link', { name: 'Modifier Coordonnées bancaires' }).click();
  await page.getByRole('heading', { name: 'Coordonnées bancaires' }).waitFor();
  await page.getByLabel('Titulaire du compte').fill('Contoso Demo SARL');
  await page.getByLabel('IBAN').fill('FR76 3000 4000 0312 3456 7890 143');
  await page.getByLabel('BIC (code SWIFT)').fill('BNPAFRPP');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Renvoyer' }).click();
  await page.getByText('En cours d\'examen', { exact: true }).waitFor();
  assert.equal(page.url(), statusPage);

  // The operator approves; the applicant sees it.
  await page.getByLabel(t('fr', 'language-label')).selectOption('en');
  await review();
  await page.getByLabel('Approve').check();
  await page.getByRole('button', { name: 'Send decision' }).click();
  await page.getByText('Decision recorded: the application is now "Approved".').waitFor();
  await page.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: 'Sent back after changes' }).waitFor();
  await french();
  await page.goto(statusPage);
  await page.getByText('Approuvée', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Se connecter au portail' }).waitFor();
  await page.context().close();
});

// The whole loop on the in-browser demo backend (the static build with no API configured, as
// the README's first command serves it): enroll in French, the demo's Outbox page shows the
// French email, its link verifies the address, the status page says "in review", and the same
// link again says it has been used; a link the demo never sent says what to check. axe-core
// finds nothing on each page of the loop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';
import { axeViolations } from './axe.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const next = (page) => page.getByRole('button', { name: 'Continuer' }).click();

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${where}`);
}

test('enroll in French, verify the address from the demo outbox, and follow the link only once', async () => {
  const page = await newPage(browser);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
  await next(page);
  await page.getByLabel('Revendeur indirect').check();
  await next(page);
  await page.getByLabel('Oui, me connecter en tant qu\'administrateur général').check();
  await page.getByLabel('Nom d\'utilisateur de l\'administrateur général').fill('admin@contoso.fr');
  await page.getByLabel('Mot de passe').fill('motdepasse');
  await next(page);
  await page.getByRole('heading', { name: 'Associer votre ID MPN' }).waitFor();
  await page.getByLabel('Nom d\'utilisateur du réseau de partenaires').fill('pmc@contoso.fr');
  await page.getByLabel('Mot de passe').fill('motdepasse');
  await next(page);
  await page.getByLabel(/Contoso France/).check();
  await next(page);
  await page.getByRole('heading', { name: 'Profil juridique de l\'entreprise' }).waitFor();
  await page.getByLabel('Raison sociale').fill('Contoso SARL');
  await page.getByLabel('Adresse, ligne 1').fill('12 rue de la Paix');
  await page.getByLabel(/^Ville/).fill('Paris');
  await page.getByLabel(/^Code postal/).fill('75002');
  await next(page);
  await page.getByRole('heading', { name: 'Contact principal' }).waitFor();
  await page.getByLabel('Prénom').fill('Élodie');
  await page.getByLabel('Nom', { exact: true }).fill('Martin');
  await page.getByLabel('Adresse e-mail professionnelle').fill('elodie.martin@contoso.fr');
  await page.getByLabel(/^Numéro de téléphone/).fill('+33 1 23 45 67 89');
  await next(page);
  await page.getByLabel('Adresse e-mail du support').fill('support@contoso.fr');
  await page.getByLabel('Numéro de téléphone du support').fill('+33 1 98 76 54 32');
  await page.getByLabel(/^Site web du support/).fill('contoso.fr');
  await next(page);
  await page.getByRole('heading', { name: 'Coordonnées bancaires' }).waitFor();
  await page.getByLabel('Titulaire du compte').fill('Contoso SARL');
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await page.getByLabel('BIC (code SWIFT)').fill('BNPAFRPP');
  await next(page);
  await page.getByRole('heading', { name: 'Vérifiez vos réponses avant de vous inscrire' }).waitFor();
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

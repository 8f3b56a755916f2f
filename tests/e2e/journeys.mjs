// The steps the journeys share: the French enrollment of an indirect reseller (Contoso
// France, with the demo directory's work account and partner-network profile), one function
// a step so that a journey can check or break something between two of them. Each step fills its page; `enrollInFrench` goes through all of them to "Check
// your answers".

/// The answers of the French enrollment; a journey overrides what it needs to.
export const FRENCH = {
  adminUser: 'admin@contoso.fr',
  adminPassword: 'motdepasse',
  pnUser: 'pmc@contoso.fr',
  pnPassword: 'motdepasse',
  profile: /Contoso France/,
  legalName: 'Contoso SARL',
  line1: '12 rue de la Paix',
  city: 'Paris',
  postalCode: '75002',
  firstName: 'Élodie',
  lastName: 'Martin',
  email: 'elodie.martin@contoso.fr',
  phone: '+33 1 23 45 67 89',
  supportEmail: 'support@contoso.fr',
  supportPhone: '+33 1 98 76 54 32',
  supportWebsite: 'contoso.fr',
  accountHolder: 'Contoso SARL',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPP',
};

export const next = (page) => page.getByRole('button', { name: 'Continuer' }).click();

/// From the start page to the partner type step, in French.
export async function startInFrench(page) {
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { name: 'Inscription au programme Fournisseur de solutions cloud' }).waitFor();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
  await next(page);
}

export async function choosePartnerType(page) {
  await page.getByLabel('Revendeur indirect').check();
}

export async function fillWorkAccount(page, a = FRENCH) {
  await page.getByLabel('Oui, me connecter en tant qu\'administrateur général').check();
  await page.getByLabel('Nom d\'utilisateur de l\'administrateur général').fill(a.adminUser);
  await page.getByLabel('Mot de passe').fill(a.adminPassword);
}

export async function fillMpnSignIn(page, a = FRENCH) {
  await page.getByRole('heading', { name: 'Associer votre ID MPN' }).waitFor();
  await page.getByLabel('Nom d\'utilisateur du réseau de partenaires').fill(a.pnUser);
  await page.getByLabel('Mot de passe').fill(a.pnPassword);
}

export async function chooseProfile(page, a = FRENCH) {
  await page.getByLabel(a.profile).check();
}

export async function fillLegal(page, a = FRENCH) {
  await page.getByRole('heading', { name: 'Profil juridique de l\'entreprise' }).waitFor();
  await page.getByLabel('Raison sociale').fill(a.legalName);
  await page.getByLabel('Adresse, ligne 1').fill(a.line1);
  await page.getByLabel(/^Ville/).fill(a.city);
  await page.getByLabel(/^Code postal/).fill(a.postalCode);
}

export async function fillContact(page, a = FRENCH) {
  await page.getByRole('heading', { name: 'Contact principal' }).waitFor();
  await page.getByLabel('Prénom').fill(a.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(a.lastName);
  await page.getByLabel('Adresse e-mail professionnelle').fill(a.email);
  await page.getByLabel(/^Numéro de téléphone/).fill(a.phone);
}

export async function fillSupport(page, a = FRENCH) {
  await page.getByLabel('Adresse e-mail du support').fill(a.supportEmail);
  await page.getByLabel('Numéro de téléphone du support').fill(a.supportPhone);
  if (a.supportWebsite) await page.getByLabel(/^Site web du support/).fill(a.supportWebsite);
}

export async function fillBank(page, a = FRENCH) {
  await page.getByRole('heading', { name: 'Coordonnées bancaires' }).waitFor();
  await page.getByLabel('Titulaire du compte').fill(a.accountHolder);
  await page.getByLabel('IBAN').fill(a.iban);
  await page.getByLabel('BIC (code SWIFT)').fill(a.bic);
}

/// The whole French enrollment from the start page to "Check your answers", with `answers`
/// over the FRENCH ones.
export async function enrollInFrench(page, answers = {}) {
  const a = { ...FRENCH, ...answers };
  await startInFrench(page);
  await choosePartnerType(page);
  await next(page);
  await fillWorkAccount(page, a);
  await next(page);
  await fillMpnSignIn(page, a);
  await next(page);
  await chooseProfile(page, a);
  await next(page);
  await fillLegal(page, a);
  await next(page);
  await fillContact(page, a);
  await next(page);
  await fillSupport(page, a);
  await next(page);
  await fillBank(page, a);
  await next(page);
  await page.getByRole('heading', { name: 'Vérifiez vos réponses avant de vous inscrire' }).waitFor();
}

// Takes the README's screenshots from the real release build: node screenshots.mjs OUT_DIR
// (BASE_URL as for the tests).
import { openBrowser, newPage } from './browser.mjs';

const out = process.argv[2] ?? '../../docs/screenshots';
const browser = await openBrowser();
const page = await newPage(browser, '/enroll/partner-type');
await page.setViewportSize({ width: 900, height: 900 });
await page.getByLabel('Language').selectOption('en');
await page.getByRole('heading', { name: 'How will you sell cloud services?' }).waitFor();
await page.screenshot({ path: `${out}/partner-type.png` });
await page.goto(page.url().replace('/enroll/partner-type', '/enroll/primary-contact'));
await page.getByLabel('First name').fill('Élodie');
await page.getByLabel('Work email address').fill('elodie@gmail.com');
await page.getByRole('button', { name: 'Continue' }).click();
await page.getByText('There is a problem').waitFor();
await page.screenshot({ path: `${out}/contact-errors.png` });
await browser.close();

// An added user's invitation email, against the reference HTTP backend and its mail sink: the
// global admin adds a user choosing Russian for the invitation; the Russian email arrives with
// the sign-in name and a one-time link (never the temporary password); the user opens it, sets
// a password, is signed in, and signs in again with it; the used link then says so. axe-core
// on the link's pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { email, linkIn } from './helpers.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function noAxeViolations(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe-core on ${where}`);
}

test('an admin adds a user in Russian, who signs in from the invitation email', async () => {
  const who = 'irina.sokolova@contoso.com';
  const admin = await newPage(browser, '/sign-in');
  await admin.getByLabel('Language').selectOption('en');
  await admin.getByLabel('User name (work email address)').fill('admin@contoso.onmicrosoft.com');
  await admin.getByLabel('Password').fill('demo');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('heading', { name: 'My account' }).waitFor();
  await admin.getByRole('link', { name: 'Users', exact: true }).click();
  await admin.getByRole('button', { name: 'Add user' }).click();
  await admin.getByRole('heading', { name: 'Add a user' }).waitFor();
  // The admin's own language until they choose the user's.
  assert.equal(await admin.getByLabel('English').isChecked(), true);
  await admin.getByLabel('Full name').fill('Ирина Соколова');
  await admin.getByLabel('Email address').fill(who);
  await admin.getByLabel('Sales agent').check();
  await admin.getByLabel('Русский').check();
  await admin.getByRole('button', { name: 'Add', exact: true }).click();
  await admin.getByRole('heading', { name: 'Check the new user\'s details' }).waitFor();
  await admin.getByRole('definition').filter({ hasText: 'Русский' }).waitFor();
  await admin.getByRole('button', { name: 'Add user' }).click();
  await admin.getByRole('heading', { name: 'User added' }).waitFor();
  await admin.getByText(`We are sending ${who} an invitation email`).waitFor();
  // The admin still sees the sign-in details once.
  const temporary = (await admin.locator('code').nth(1).textContent()).trim();
  await admin.context().close();

  const mail = await email((m) => m.to.includes(who));
  assert.match(mail.subject, /вас добавили в организацию/);
  assert.match(mail.text, new RegExp(`Ваше имя для входа: ${who.replace('.', '\\.')}`));
  assert.match(mail.text, /Ирина Соколова/);
  assert.ok(!mail.text.includes(temporary) && !mail.html.includes(temporary), 'no temporary password in the email');
  const link = linkIn(mail, 'invitation');

  // The server's Content-Security-Policy would refuse axe-core's script.
  const page = await newPage(browser, '/');
  await page.getByLabel('Language').selectOption('ru');
  // The choice is the app's once it has taken the prerendered start page over.
  await page.getByRole('heading', { name: 'Регистрация в программе поставщиков облачных решений' }).waitFor();
  await page.goto(link);
  await page.getByRole('heading', { name: 'Выберите пароль' }).waitFor();
  await page.getByText(`Ваше имя для входа: ${who}.`).waitFor();
  await noAxeViolations(page, 'the invitation link page');
  await page.getByLabel('Новый пароль').fill('irina.sokolova-2026');
  await page.getByRole('button', { name: 'Задать пароль и войти' }).click();
  await page.getByRole('alert').getByText('Выберите пароль, который не содержит имя пользователя').waitFor();
  await noAxeViolations(page, 'the invitation link page with an error');
  const password = 'Берёзовая роща у реки 42';
  await page.getByLabel('Новый пароль').fill(password);
  await page.getByRole('button', { name: 'Задать пароль и войти' }).click();
  await page.getByRole('heading', { name: 'Моя учетная запись' }).waitFor();

  // And again, with the password chosen.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.goto(new URL('/sign-in', link).href);
  await page.getByLabel('Имя пользователя (рабочий адрес электронной почты)').fill(who);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Моя учетная запись' }).waitFor();

  // The link works once.
  await page.goto(link);
  await page.getByRole('heading', { name: 'Это приглашение уже использовано' }).waitFor();
  await noAxeViolations(page, 'a used invitation link');
  await page.context().close();
});

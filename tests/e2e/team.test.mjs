// Issue 5's journey against the reference HTTP backend: the global admin adds a helpdesk
// agent, copies the temporary password, sees it gone after a reload, reads the role table in
// Chinese, and the helpdesk agent signs in to a portal that shows only what the role may do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test('a global admin adds a helpdesk agent who then sees only what the role allows', async () => {
  const page = await newPage(browser, '/sign-in');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('User name (work email address)').fill('admin@contoso.onmicrosoft.com');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await page.getByRole('button', { name: 'Add me to the admin agent group' }).click();
  await page.getByText('You are in the admin agent group.').waitFor();

  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Select an agent role, or "Not an agent"').first().waitFor();
  await page.getByLabel('Full name').fill('Wang Fang');
  await page.getByLabel('Email address').fill('wang.fang@contoso.cn');
  await page.getByLabel('Helpdesk agent').check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('heading', { name: 'Check the new user\'s details' }).waitFor();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByRole('heading', { name: 'User added' }).waitFor();
  await page.getByText('they will not be shown again').waitFor();
  const password = (await page.locator('code').nth(1).textContent()).trim();
  assert.match(password, /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  await page.getByRole('button', { name: 'Copy sign-in details' }).click();
  await page.getByText('Copied to the clipboard.').waitFor();
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes(password));
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes(password), 'the temporary password is never stored');

  await page.reload();
  await page.getByRole('heading', { name: 'The sign-in details are no longer shown' }).waitFor();
  assert.equal(await page.getByText(password).count(), 0);

  // The role table in Chinese.
  await page.goto(`${BASE}/roles`);
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('heading', { name: '角色及其权限' }).waitFor();
  await page.getByRole('rowheader', { name: /支持人员代理/ }).waitFor();
  await page.getByLabel('谁可以…').selectOption('请求与客户建立关系');
  await page.getByText('有 2 个角色可以执行此操作：管理员代理、销售代理').waitFor();

  // The helpdesk agent signs in.
  await page.getByRole('button', { name: '注销' }).click();
  await page.getByRole('link', { name: '登录' }).click();
  await page.getByLabel('用户名（工作电子邮件地址）').fill('wang.fang@contoso.cn');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // The temporary password is changed first.
  await page.getByRole('heading', { name: '更改临时密码' }).waitFor();
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码').fill('Zk8#wq2Lm-x4v');
  await page.getByRole('button', { name: '更改密码' }).click();
  await page.getByRole('heading', { name: '我的帐户' }).waitFor();
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!kept.includes('Zk8#wq2Lm-x4v') && !kept.includes('csrf') && !kept.includes('session'), kept);
  await page.getByText('搜索并查看客户').waitFor();
  const nav = page.getByRole('navigation');
  assert.equal(await nav.getByRole('link', { name: '用户', exact: true }).count(), 0);
  const features = await page.getByRole('list', { name: '你可以打开的门户部分' }).textContent();
  assert.ok(features.includes('客户') && features.includes('服务运行状况'), features);
  assert.ok(!features.includes('用户管理'), features);
  await page.goto(`${BASE}/users`);
  await page.getByRole('heading', { name: '你没有查看此页面的权限' }).waitFor();
  await page.context().close();
});

// Browser journeys in Debian's Chromium (playwright-core, never a downloaded browser) against the
// built web app served by the real API, with the worker, on the test database started by
// tools/test.mjs (DATABASE_URL / REDIS_URL). Prints "N passed, N failed" and exits non-zero on failure.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const shots = path.join(os.tmpdir(), 'partagora-journeys');
mkdirSync(shots, { recursive: true });
const log = (m) => process.stderr.write(`[journey] ${m}\n`);

if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  throw new Error(
    'run through `npm test` (or set DATABASE_URL and REDIS_URL to a migrated database)',
  );
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT: String(port),
  WEB_DIST: path.join(root, 'apps/web/dist'),
  // Tiles never come from the internet in tests: an unreachable local URL keeps the map grey.
  TILE_URL: `${base}/tiles-not-served/{z}/{x}/{y}.png`,
  JWT_SECRET: 'journey-jwt-secret-journey-jwt-secret-0000',
  LOCATION_SECRET: 'journey-location-secret-journey-location-00',
  LOG_LEVEL: 'warn',
};
const cli = path.join(root, 'dist/api/apps/api/src/database/cli.js');
const seed = spawnSync(process.execPath, [cli, 'seed'], { env, stdio: 'inherit' });
if (seed.status !== 0) throw new Error('seed failed');

const procs = ['main.js', 'worker.js'].map((f) =>
  spawn(process.execPath, [path.join(root, 'dist/api/apps/api/src', f)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  }),
);
let browser;
const results = [];

async function waitReady() {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not become ready');
}

/** Serious and critical accessibility violations on the current page (axe-core). */
async function a11y(page, name) {
  const { violations } = await new AxeBuilder({ page }).disableRules(['region']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    throw new Error(
      `${name}: accessibility violations:\n${bad.map((v) => `  ${v.id}: ${v.help} (${v.nodes.length})`).join('\n')}`,
    );
  }
}

async function journey(name, fn) {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page, context);
    if (errors.length > 0) throw new Error(`uncaught page errors: ${errors.join('; ')}`);
    results.push({ name, ok: true });
    log(`✓ ${name}`);
  } catch (err) {
    results.push({ name, ok: false });
    await page
      .screenshot({
        path: path.join(shots, `${name.replace(/\W+/g, '-')}-failure.png`),
        fullPage: true,
      })
      .catch(() => {});
    log(`✗ ${name}\n${err.stack ?? err}`);
  } finally {
    await context.close();
  }
}

async function signUp(page, { email, name, lat, lng }) {
  await page.goto(`${base}/signup?town=dinan`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('journey-password-123');
  await page.getByLabel('Nom affiché').fill(name);
  await page.getByLabel('Commune').selectOption('dinan');
  await page.getByLabel('Latitude').fill(String(lat));
  await page.getByLabel('Longitude').fill(String(lng));
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(/\/listings/, { timeout: 15000 });
}

try {
  await waitReady();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const word = `Perceuse-${randomBytes(3).toString('hex')}`;
  const title = `${word} sans fil`;

  await journey(
    'a resident signs up in Dinan and publishes a listing; a neighbour finds it on the map and in the list',
    async (page, context) => {
      await page.goto(`${base}/t/dinan`);
      await page.getByRole('heading', { name: /Dinan/ }).first().waitFor();
      await a11y(page, 'town page');

      await signUp(page, {
        email: `owner-${word}@example.test`,
        name: 'Camille Journey',
        lat: 48.4531,
        lng: -2.0467,
      });
      await page.goto(`${base}/listings/new`);
      await a11y(page, 'listing form');
      await page.getByLabel('Type').selectOption('lend');
      await page.getByLabel('Catégorie').selectOption('tools');
      await page.getByLabel('Titre').fill(title);
      await page.getByLabel('Description').fill('Batterie chargée, deux forets béton.');
      await page.getByRole('button', { name: "Publier l'annonce" }).click();
      await page.getByRole('heading', { name: title }).waitFor({ timeout: 15000 });
      await page.screenshot({ path: path.join(shots, 'listing-page.png') });
      await context.clearCookies();

      const neighbour = await context
        .browser()
        .newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      try {
        const p2 = await neighbour.newPage();
        await signUp(p2, {
          email: `neighbour-${word}@example.test`,
          name: 'Louis Journey',
          lat: 48.4552,
          lng: -2.0489,
        });
        await p2.getByTestId('listing-card').first().waitFor({ timeout: 15000 });
        await a11y(p2, 'listings page');
        await p2.getByLabel('Rechercher').fill(word);
        const card = p2.getByTestId('listing-card').filter({ hasText: title });
        await card.waitFor({ timeout: 15000 });
        // The list follows the search box (debounced): wait until only the match is left.
        await p2.waitForFunction(
          () => document.querySelectorAll('[data-testid="listing-card"]').length === 1,
          null,
          { timeout: 15000 },
        );
        // On the map: the listing's marker carries its title (Leaflet `title` option).
        await p2.locator(`.leaflet-marker-icon[title="${title}"]`).waitFor({ timeout: 15000 });
        await p2.screenshot({ path: path.join(shots, 'listings-found.png') });
        await card.getByRole('link').first().click();
        await p2.getByRole('heading', { name: title }).waitFor();
      } finally {
        await neighbour.close();
      }
    },
  );

  await journey('the interface switches to English', async (page) => {
    await page.goto(`${base}/`);
    await page
      .getByRole('button', { name: /English|EN/ })
      .first()
      .click();
    await page
      .getByText(/Choose your town|Find|Sign up/i)
      .first()
      .waitFor({ timeout: 5000 });
  });
} catch (err) {
  results.push({ name: 'setup', ok: false });
  log(err.stack ?? String(err));
} finally {
  await browser?.close();
  for (const p of procs) p.kill('SIGTERM');
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
process.stderr.write(`[journey] ${passed} passed, ${failed} failed (screenshots in ${shots})\n`);
if (process.env.JOURNEY_REPORT)
  writeFileSync(process.env.JOURNEY_REPORT, JSON.stringify({ passed, failed }));
process.exit(failed > 0 || passed === 0 ? 1 : 0);

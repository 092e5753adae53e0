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
import pg from 'pg';
import { chromium } from 'playwright-core';
import sharp from 'sharp';

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
const mailPort = await freePort();
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
  SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
  MAIL_SINK_PORT: String(mailPort),
  MAIL_SINK_DIR: path.join(shots, 'mail'),
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
procs.push(
  spawn(process.execPath, [path.join(root, 'tools/mail-sink.mjs')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
let browser;
const results = [];

async function waitReady() {
  // Up to two minutes: on a loaded shared machine the API and worker boot slowly.
  for (let i = 0; i < 600; i++) {
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** `JOURNEY_ONLY=<regex>` runs the matching journeys only (while working on one). */
const only = process.env.JOURNEY_ONLY ? new RegExp(process.env.JOURNEY_ONLY) : null;

async function journey(name, fn, viewport = DESKTOP, options = {}) {
  if (only && !only.test(name)) return;
  const context = await browser.newContext({ locale: 'fr-FR', viewport, ...options });
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
      // A phone photo: resized in the page (canvas), uploaded with progress, re-encoded.
      const photo = await sharp({
        create: { width: 3000, height: 2000, channels: 3, background: '#b0522a' },
      })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 27/1 11/1' } })
        .toBuffer();
      await page
        .getByLabel('Ajouter des photos')
        .setInputFiles({ name: 'perceuse.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page
        .getByRole('img', { name: `${title}, photo 1` })
        .first()
        .waitFor({ timeout: 15000 });
      await a11y(page, 'listing page with photos');
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
        await p2.locator(`.leaflet-marker-icon[title="${title}"]`).waitFor({ timeout: 30000 });
        await p2.screenshot({ path: path.join(shots, 'listings-found.png') });
        // The card shows the photo (the thumbnail rendition), not the placeholder.
        await card.locator('img.card__photo').waitFor({ timeout: 15000 });
        await card.getByRole('link').first().click();
        await p2.getByRole('heading', { name: title }).waitFor();
        const main = p2.getByRole('img', { name: `${title}, photo 1` });
        await main.waitFor();
        // Resized on the device (≤ 2048 px), then re-encoded by the API (≤ 1600 px).
        // Visible is not loaded: on a busy machine the bytes may still be on their way.
        await main.evaluate((img) => img.decode().catch(() => undefined));
        const width = await main.evaluate((img) => img.naturalWidth);
        if (width !== 1600) throw new Error(`expected the 1600 px rendition, got ${width}`);
      } finally {
        await neighbour.close();
      }
    },
  );

  await journey(
    'a resident books the drill, the owner accepts, both chat, hand over and return, with live notifications',
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      const drill = `Perceuse-${tag}`;
      await signUp(page, {
        email: `lender-${tag}@example.test`,
        name: 'Prêteuse Journey',
        lat: 48.4561,
        lng: -2.0441,
      });
      await page.goto(`${base}/listings/new`);
      await page.getByLabel('Type').selectOption('lend');
      await page.getByLabel('Catégorie').selectOption('tools');
      await page.getByLabel('Titre').fill(drill);
      await page.getByRole('button', { name: "Publier l'annonce" }).click();
      await page.getByRole('heading', { name: drill }).waitFor({ timeout: 15000 });
      const listingUrl = page.url();
      await page.goto(`${base}/exchanges`);
      const ownerBell = page.getByRole('link', { name: /^Notifications/ });
      await ownerBell.waitFor();
      const ownerBellBefore =
        (await ownerBell.getAttribute('aria-label')) ?? (await ownerBell.innerText());

      const other = await context
        .browser()
        .newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      try {
        const b = await other.newPage();
        await signUp(b, {
          email: `borrower-${tag}@example.test`,
          name: 'Emprunteur Journey',
          lat: 48.4549,
          lng: -2.0478,
        });
        await b.goto(listingUrl);
        await b.getByRole('button', { name: 'Demander un prêt' }).click();
        const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
        const start = b.getByRole('group', { name: 'Début' });
        await start.getByLabel('Date de début').fill(day(1));
        await start.getByLabel('Heure de début').fill('10:00');
        const end = b.getByRole('group', { name: 'Fin' });
        await end.getByLabel('Date de fin').fill(day(2));
        await end.getByLabel('Heure de fin').fill('18:00');
        await b
          .getByLabel('Message', { exact: true })
          .fill('Bonjour, pour poser une étagère samedi.');
        await b.getByRole('button', { name: 'Envoyer la demande' }).click();
        await b.waitForURL(/\/exchanges\/[0-9a-f-]{36}/, { timeout: 15000 });
        const exchangeUrl = b.url();
        await a11y(b, 'exchange page');

        // The owner's bell counts the request without any reload.
        await page.waitForFunction(
          (before) => {
            const a = [...document.querySelectorAll('a')].find((x) =>
              /^Notifications/.test(x.getAttribute('aria-label') ?? x.textContent ?? ''),
            );
            const label = a ? (a.getAttribute('aria-label') ?? a.textContent) : '';
            return label !== before && /[1-9]/.test(label ?? '');
          },
          ownerBellBefore,
          { timeout: 20000 },
        );
        const borrowerBell = await b
          .getByRole('link', { name: /^Notifications/ })
          .getAttribute('aria-label');
        await page.goto(exchangeUrl);
        await page.getByRole('button', { name: 'Accepter' }).click();
        // The borrower's page follows: hand-over becomes possible, the bell counts the acceptance.
        await b.getByRole('button', { name: 'Objet remis' }).waitFor({ timeout: 20000 });
        await b.waitForFunction(
          (before) => {
            const a = [...document.querySelectorAll('a')].find((x) =>
              /^Notifications/.test(x.getAttribute('aria-label') ?? x.textContent ?? ''),
            );
            return a && (a.getAttribute('aria-label') ?? a.textContent) !== before;
          },
          borrowerBell,
          { timeout: 20000 },
        );

        // Both chat, live.
        await b.getByLabel('Votre message').fill('Je passe à 10 h, ça vous va ?');
        await b.getByRole('button', { name: 'Envoyer', exact: true }).click();
        await page
          .getByTestId('chat-message')
          .filter({ hasText: 'Je passe à 10 h' })
          .waitFor({ timeout: 20000 });
        await page.getByLabel('Votre message').fill('Parfait, à demain !');
        await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
        await b
          .getByTestId('chat-message')
          .filter({ hasText: 'Parfait, à demain' })
          .waitFor({ timeout: 20000 });

        await page.getByRole('button', { name: 'Objet remis' }).click();
        await page.getByRole('button', { name: 'Objet rendu' }).waitFor({ timeout: 20000 });
        await page.getByRole('button', { name: 'Objet rendu' }).click();
        // The borrower sees the return without reloading: completing is now their next step.
        await b.getByRole('button', { name: 'Terminer' }).waitFor({ timeout: 20000 });
        await b.screenshot({
          path: path.join(shots, 'exchange-returned-borrower.png'),
          fullPage: true,
        });
        await page.screenshot({
          path: path.join(shots, 'exchange-returned-owner.png'),
          fullPage: true,
        });
        await b.getByRole('link', { name: /^Notifications/ }).click();
        await b.getByTestId('notification').first().waitFor({ timeout: 10000 });
        const texts = await b.getByTestId('notification').allInnerTexts();
        if (!texts.some((x) => x.includes(drill)))
          throw new Error(
            `the borrower's notifications should name the drill: ${texts.join(' | ')}`,
          );

        // Completed, then both review. A review stays hidden until both are in; then each shows
        // on the profile of the person it is about.
        await b.goto(exchangeUrl);
        await b.getByRole('button', { name: 'Terminer' }).click();
        await b.getByRole('link', { name: 'Laisser un avis' }).click({ timeout: 20000 });
        await b.waitForURL(/\/review$/, { timeout: 15000 });
        await a11y(b, 'review screen');
        await b.getByLabel(/5 étoiles/).check();
        await b.getByLabel('Commentaire (facultatif)').fill(`Prêt impeccable ${tag}`);
        await b.getByRole('button', { name: "Publier l'avis" }).click();
        await b.getByText('Merci ! Votre avis est enregistré.').waitFor({ timeout: 15000 });

        await page.goto(exchangeUrl);
        await page.getByRole('link', { name: 'Laisser un avis' }).click({ timeout: 20000 });
        await page.waitForURL(/\/review$/, { timeout: 15000 });
        await page.getByLabel(/4 étoiles/).check();
        await page.getByLabel('Commentaire (facultatif)').fill(`Rendu propre ${tag}`);
        await page.getByRole('button', { name: "Publier l'avis" }).click();
        await page.getByText('Merci ! Votre avis est enregistré.').waitFor({ timeout: 15000 });

        await b.goto(exchangeUrl);
        await b.getByRole('link', { name: /Prêteuse Journey/ }).click();
        await b.getByText(`Prêt impeccable ${tag}`).waitFor({ timeout: 15000 });
        await a11y(b, 'profile page');
        await b.screenshot({ path: path.join(shots, 'profile-lender.png'), fullPage: true });
        await page.goto(exchangeUrl);
        await page.getByRole('link', { name: /Emprunteur Journey/ }).click();
        await page.getByText(`Rendu propre ${tag}`).waitFor({ timeout: 15000 });
      } finally {
        await other.close();
      }
    },
  );

  await journey(
    "a neighbour reports a listing and the town's moderator hides it",
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      const title = `Vélo-${tag} à saisir`;
      await signUp(page, {
        email: `seller-${tag}@example.test`,
        name: 'Vendeur Journey',
        lat: 48.4522,
        lng: -2.0452,
      });
      await page.goto(`${base}/listings/new`);
      await page.getByLabel('Type').selectOption('give');
      await page.getByLabel('Catégorie').selectOption('mobility');
      await page.getByLabel('Titre').fill(title);
      await page.getByRole('button', { name: "Publier l'annonce" }).click();
      await page.getByRole('heading', { name: title }).waitFor({ timeout: 15000 });
      const listingUrl = page.url();

      const browser_ = context.browser();
      const neighbour = await browser_.newContext({
        locale: 'fr-FR',
        viewport: { width: 1280, height: 900 },
      });
      const moderator = await browser_.newContext({
        locale: 'fr-FR',
        viewport: { width: 1280, height: 900 },
      });
      try {
        const n = await neighbour.newPage();
        await signUp(n, {
          email: `reporter-${tag}@example.test`,
          name: 'Vigilante Journey',
          lat: 48.4541,
          lng: -2.0463,
        });
        await n.goto(listingUrl);
        await n.getByRole('button', { name: 'Signaler cette annonce' }).click();
        const dialog = n.getByRole('dialog');
        await dialog.getByLabel('Arnaque ou fraude').check();
        await dialog.getByLabel('Précisions (facultatif)').fill('Demande un virement avant.');
        await a11y(n, 'report dialog');
        await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
        await n
          .getByText('Merci, votre signalement a été transmis à la modération.')
          .waitFor({ timeout: 15000 });

        const m = await moderator.newPage();
        await m.goto(`${base}/login`);
        await m.getByLabel('Adresse e-mail').fill('mairie@dinan.demo.partagora.fr');
        await m.getByLabel('Mot de passe').fill('partagora-demo');
        await m.getByRole('button', { name: 'Se connecter' }).click();
        await m.waitForURL(/\/listings/, { timeout: 15000 });
        await m.goto(`${base}/t/dinan/moderation`);
        const item = m.locator('li.moderation-case').filter({ hasText: title });
        await item.waitFor({ timeout: 15000 });
        await a11y(m, 'moderation queue');
        await item.getByRole('button', { name: 'Masquer' }).click();
        await item.getByRole('button', { name: 'Confirmer : Masquer' }).click();
        // Decided: the case leaves the queue of open reports.
        await item.waitFor({ state: 'detached', timeout: 15000 });
        await m.screenshot({ path: path.join(shots, 'moderation-queue.png'), fullPage: true });

        // Hidden: the neighbour no longer finds it; its owner still can.
        await n.goto(listingUrl);
        await n
          .getByText("Cette annonce n'existe pas ou a été retirée.")
          .waitFor({ timeout: 15000 });
        await page.goto(listingUrl);
        await page.getByRole('heading', { name: title }).waitFor({ timeout: 15000 });
      } finally {
        await neighbour.close();
        await moderator.close();
      }
    },
  );

  await journey(
    'a resident signs up by typing an address; after acceptance the borrower sees the hand-over street address',
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      const ladder = `Échelle-${tag}`;
      await page.goto(`${base}/signup?town=dinan`);
      await page.getByLabel('Adresse e-mail').fill(`addr-owner-${tag}@example.test`);
      await page.getByLabel('Mot de passe').fill('journey-password-123');
      await page.getByLabel('Nom affiché').fill('Adèle Adresse');
      await page.getByLabel('Commune').selectOption('dinan');
      const search = page.getByRole('combobox', { name: 'Votre adresse' });
      // Typed without accents or capitals, as on a phone.
      await search.pressSequentially('4 rue du jerzual', { delay: 30 });
      const option = page.getByRole('option', { name: /^4 Rue du Jerzual, 22100 Dinan/ });
      await option.waitFor({ timeout: 10000 });
      await a11y(page, 'sign-up with address suggestions');
      await page.keyboard.press('Enter');
      if ((await page.getByLabel('Latitude').inputValue()) !== '48.456196')
        throw new Error('the chosen address did not place the home');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      await page.waitForURL(/\/listings/, { timeout: 15000 });
      await page.goto(`${base}/listings/new`);
      await page.getByLabel('Type').selectOption('lend');
      await page.getByLabel('Catégorie').selectOption('tools');
      await page.getByLabel('Titre').fill(ladder);
      await page.getByRole('button', { name: "Publier l'annonce" }).click();
      await page.getByRole('heading', { name: ladder }).waitFor({ timeout: 15000 });
      const listingUrl = page.url();

      const other = await context
        .browser()
        .newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
      try {
        const b = await other.newPage();
        await signUp(b, {
          email: `addr-borrower-${tag}@example.test`,
          name: 'Bruno Adresse',
          lat: 48.4549,
          lng: -2.0478,
        });
        await b.goto(listingUrl);
        await b.getByRole('button', { name: 'Demander un prêt' }).click();
        const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
        const start = b.getByRole('group', { name: 'Début' });
        await start.getByLabel('Date de début').fill(day(1));
        await start.getByLabel('Heure de début').fill('10:00');
        const end = b.getByRole('group', { name: 'Fin' });
        await end.getByLabel('Date de fin').fill(day(2));
        await end.getByLabel('Heure de fin').fill('18:00');
        await b.getByRole('button', { name: 'Envoyer la demande' }).click();
        await b.waitForURL(/\/exchanges\/[0-9a-f-]{36}/, { timeout: 15000 });
        const exchangeUrl = b.url();
        if ((await b.getByText('Jerzual').count()) > 0)
          throw new Error('the street address showed before acceptance');

        await page.goto(exchangeUrl);
        await page.getByRole('button', { name: 'Accepter' }).click();
        await page.getByText('4 Rue du Jerzual, 22100 Dinan').waitFor({ timeout: 15000 });

        // The borrower's page follows the acceptance live: address and directions links.
        await b.getByText('4 Rue du Jerzual, 22100 Dinan').waitFor({ timeout: 20000 });
        const osm = await b
          .getByRole('link', { name: /Voir sur OpenStreetMap/ })
          .getAttribute('href');
        if (!osm?.startsWith('https://www.openstreetmap.org/?mlat=48.456196&mlon=-2.046467'))
          throw new Error(`unexpected OpenStreetMap link ${osm}`);
        const geo = await b
          .getByRole('link', { name: 'Ouvrir dans mon application de navigation' })
          .getAttribute('href');
        if (geo !== 'geo:48.456196,-2.046467') throw new Error(`unexpected geo link ${geo}`);
        await a11y(b, 'exchange page with the hand-over address (phone)');
        await b.screenshot({
          path: path.join(shots, 'handover-address-phone.png'),
          fullPage: true,
        });
      } finally {
        await other.close();
      }
    },
  );

  await journey(
    'a resident borrows from the tool library, returns late, the desk checks it in and the item is available again',
    async (page, context) => {
      const item = 'Diable de manutention';
      await signUp(page, {
        email: `borrower-${word}@example.test`,
        name: 'Yann Journey',
        lat: 48.4561,
        lng: -2.0512,
      });
      // The town's impact figure before the loan: completed exchanges over the period shown.
      const completedExchanges = async () => {
        await page.goto(`${base}/t/dinan/impact`);
        const dd = page
          .locator('dl.impact-stats > div')
          .filter({ has: page.getByText('Échanges terminés', { exact: true }) })
          .locator('dd');
        await dd.waitFor({ timeout: 15000 });
        return Number((await dd.innerText()).replace(/\D/g, ''));
      };
      const before = await completedExchanges();
      await a11y(page, 'impact page');
      await page.goto(`${base}/t/dinan/library`);
      const row = page.locator('li.library__item').filter({ hasText: item });
      await row.waitFor({ timeout: 15000 });
      await row.getByText('Disponible maintenant').waitFor();
      await a11y(page, 'library catalogue');
      await row.getByRole('button', { name: 'Réserver' }).click();
      // Only opening slots are offered: the first pick-up, then the first return after it.
      await row.getByLabel('Retrait').selectOption({ index: 1 });
      await row.getByLabel('Retour').selectOption({ index: 1 });
      await a11y(page, 'library booking');
      await row.getByRole('button', { name: 'Confirmer la réservation' }).click();
      await row.getByText(/Réservé ! Retrait le/).waitFor({ timeout: 15000 });

      // Picked up, and the return is late: the loan's period is moved into the past.
      const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
      try {
        const res = await db.query(
          `UPDATE exchanges e SET status = 'handed_over', handed_over_at = now() - interval '3 days',
                  period = tstzrange(now() - interval '3 days', now() - interval '1 hour'),
                  held = tstzrange(now() - interval '3 days', now() + interval '1 hour')
             FROM listings l, users u
            WHERE l.id = e.listing_id AND u.id = e.requester_id AND l.title = $1 AND u.display_name = 'Yann Journey'
              AND e.status = 'accepted'`,
          [item],
        );
        if (res.rowCount !== 1) throw new Error(`expected one booking, got ${res.rowCount}`);
      } finally {
        await db.end();
      }

      const staffContext = await context
        .browser()
        .newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      try {
        const s = await staffContext.newPage();
        await s.goto(`${base}/login`);
        await s.getByLabel('Adresse e-mail').fill('mairie@dinan.demo.partagora.fr');
        await s.getByLabel('Mot de passe').fill('partagora-demo');
        await s.getByRole('button', { name: 'Se connecter' }).click();
        await s.waitForURL(/\/listings/, { timeout: 15000 });
        await s.goto(`${base}/t/dinan/library`);
        await s.getByRole('link', { name: 'Ouvrir l’accueil (retraits et retours)' }).click();
        const late = s
          .getByRole('region', { name: /En retard/ })
          .locator('li.desk__entry')
          .filter({ hasText: 'Yann Journey' });
        await late.waitFor({ timeout: 15000 });
        await a11y(s, 'library desk');
        await late.getByLabel('État de l’objet').fill('Rendu en retard, bon état');
        await late.getByRole('button', { name: 'Enregistrer le retour' }).click();
        // Checked in: the loan leaves the overdue list.
        await late.waitFor({ state: 'detached', timeout: 15000 });
        await s.screenshot({ path: path.join(shots, 'library-desk.png'), fullPage: true });
      } finally {
        await staffContext.close();
      }

      // Back on the shelf: the catalogue shows it available again.
      await page.reload();
      await page
        .locator('li.library__item')
        .filter({ hasText: item })
        .getByText('Disponible maintenant')
        .waitFor({ timeout: 15000 });

      // The check-in leaves the loan "returned"; the borrower completes it, as the exchange asks.
      await page.goto(`${base}/exchanges?role=requester`);
      await page.getByRole('link', { name: item }).first().click({ timeout: 15000 });
      await page.getByRole('button', { name: 'Terminer', exact: true }).click({ timeout: 15000 });
      // Completed: the review is offered.
      await page.getByRole('link', { name: 'Laisser un avis' }).waitFor({ timeout: 15000 });

      // The impact page counts completed exchanges (no cache): one more.
      const after = await completedExchanges();
      if (after !== before + 1)
        throw new Error(
          `impact: ${before} completed exchanges before, ${after} after (expected +1)`,
        );
    },
  );

  /** Titles of the listing cards on the page, once the list has settled. */
  async function cardTitles(page) {
    await page.getByTestId('listing-card').first().waitFor({ timeout: 15000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
      timeout: 15000,
    });
    return page.locator('[data-testid="listing-card"] .card__title').allInnerTexts();
  }

  /** Filters the search through its controls and waits until the URL says so. */
  async function searchWithFilters(page) {
    await page.getByLabel('Type').selectOption('lend');
    await page.getByLabel('Catégorie').selectOption('tools');
    await page.getByLabel('Rayon').selectOption('5000');
    await page.waitForURL(/radius=5000&kind=lend&category=tools/, { timeout: 15000 });
    return cardTitles(page);
  }

  await journey(
    'on a phone: a compact header, the tab bar, a search in the URL shared to a new page, list and map',
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      await signUp(page, {
        email: `phone-${tag}@example.test`,
        name: 'Téléphone Journey',
        lat: 48.4549,
        lng: -2.0478,
      });
      // One line of header (≤ 64 px), the five sections at the thumb, the current one said.
      const header = await page.locator('header.header').boundingBox();
      if (!header || header.height > 64) throw new Error(`header is ${header?.height} px high`);
      const tabs = page.getByRole('navigation', { name: 'Navigation principale' });
      const names = await tabs.getByRole('link').allInnerTexts();
      if (names.join('|') !== 'Annonces|Publier|Échanges|Messages|Profil')
        throw new Error(`tab bar: ${names.join('|')}`);
      for (const box of await tabs
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON()))) {
        if (box.width < 44 || box.height < 44) throw new Error(`small tab ${JSON.stringify(box)}`);
        if (box.bottom < PHONE.height - 80) throw new Error('the tab bar is not at the bottom');
      }
      const current = await tabs.locator('[aria-current="page"]').allInnerTexts();
      if (current.join() !== 'Annonces') throw new Error(`current tab: ${current.join()}`);
      if ((await page.getByRole('link', { name: "S'inscrire" }).count()) > 0)
        throw new Error('a member is offered to sign up');

      // The list comes first on a phone (no map until asked for).
      const titles = await searchWithFilters(page);
      if ((await page.locator('.leaflet-container').count()) !== 0)
        throw new Error('the map is shown before the list on a phone');
      const first = await page.getByTestId('listing-card').first().boundingBox();
      if (!first || first.y > PHONE.height) throw new Error(`first card at ${first?.y} px`);
      await a11y(page, 'phone: listings');
      await page.screenshot({ path: path.join(shots, 'phone-listings.png') });

      // The same URL in a new tab shows the same results.
      const shared = page.url();
      const tab = await context.newPage();
      await tab.goto(shared);
      const again = await cardTitles(tab);
      if (again.join('|') !== titles.join('|'))
        throw new Error(`shared URL: ${again.join('|')} ≠ ${titles.join('|')}`);
      if ((await tab.getByLabel('Type').inputValue()) !== 'lend')
        throw new Error('the shared URL did not restore the filters');
      await tab.close();

      // Map view: markers around my home and the search circle; back to the list.
      await page.getByRole('button', { name: 'Carte' }).click();
      await page.waitForURL(/view=map/);
      await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 15000 });
      await page.locator('path.leaflet-interactive, .leaflet-overlay-pane path').first().waitFor();
      await a11y(page, 'phone: map view');
      await page.screenshot({ path: path.join(shots, 'phone-map.png') });
      await page.goBack();
      await page.getByTestId('listing-card').first().waitFor({ timeout: 15000 });

      await page.getByRole('link', { name: 'Profil' }).click();
      await page.getByRole('heading', { name: 'Mon profil' }).waitFor();
      await a11y(page, 'phone: profile hub');
      await page.goto(`${base}/t/dinan`);
      await page.getByRole('heading', { name: 'Dinan' }).waitFor();
      await a11y(page, 'phone: town page');
      await page.screenshot({ path: path.join(shots, 'phone-town.png') });
    },
    PHONE,
  );

  await journey(
    'on a desktop: the search in the URL, shared, recovered after a 503, searched in a panned area, saved as an alert',
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      await signUp(page, {
        email: `desk-${tag}@example.test`,
        name: 'Bureau Journey',
        lat: 48.4549,
        lng: -2.0478,
      });
      const titles = await searchWithFilters(page);
      await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 15000 });
      await a11y(page, 'desktop: listings');
      await page.screenshot({ path: path.join(shots, 'desktop-listings.png') });

      const other = await context.newPage();
      await other.goto(page.url());
      const again = await cardTitles(other);
      if (again.join('|') !== titles.join('|'))
        throw new Error(`shared URL: ${again.join('|')} ≠ ${titles.join('|')}`);
      await other.close();

      // The list precedes the map in the tab order, and the map can be skipped.
      const order = await page.evaluate(() => {
        const list = document.querySelector('.explorer__list');
        const map = document.querySelector('.explorer__map');
        return list && map ? list.compareDocumentPosition(map) : 0;
      });
      if (!(order & 4)) throw new Error('the map comes before the list');
      await page.getByRole('link', { name: 'Passer la carte' }).focus();
      await page.keyboard.press('Enter');
      if (!(await page.evaluate(() => document.activeElement?.id === 'after-map')))
        throw new Error('"skip the map" did not skip it');

      // A 503: both list and map say so; one "Réessayer" brings both back.
      const searchUrl = (u) => u.pathname === '/api/v1/listings';
      const mapUrl = (u) => u.pathname === '/api/v1/listings/map';
      await page.route(searchUrl, (r) =>
        r.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'SERVICE_UNAVAILABLE', message: 'x', requestId: 'r' },
          }),
        }),
      );
      await page.route(mapUrl, (r) =>
        r.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'SERVICE_UNAVAILABLE', message: 'x', requestId: 'r' },
          }),
        }),
      );
      await page.reload();
      await page.getByRole('button', { name: 'Réessayer' }).first().waitFor({ timeout: 30000 });
      await page.unroute(searchUrl);
      await page.unroute(mapUrl);
      await page.getByRole('button', { name: 'Réessayer' }).first().click();
      await page.getByTestId('listing-card').first().waitFor({ timeout: 15000 });
      await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 15000 });
      if ((await page.getByRole('button', { name: 'Réessayer' }).count()) !== 0)
        throw new Error('an error stayed after retrying');

      // Panning offers "Rechercher dans cette zone", which moves the search centre to the map's.
      const map = await page.locator('.explorer__map .leaflet-container').boundingBox();
      await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
      await page.mouse.down();
      await page.mouse.move(map.x + map.width / 2 - 150, map.y + map.height / 2 - 80, { steps: 8 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Rechercher dans cette zone' }).click();
      await page.waitForURL(/lat=[-\d.]+&lng=[-\d.]+/, { timeout: 15000 });
      await page.getByRole('button', { name: 'Revenir autour de chez moi' }).waitFor();

      await page.getByRole('button', { name: 'Créer une alerte pour cette recherche' }).click();
      await page.getByText('Alerte créée').waitFor({ timeout: 15000 });

      // Desktop header: the sections in one row, the current one said.
      const current = await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .locator('[aria-current="page"]')
        .allInnerTexts();
      if (current.join() !== 'Annonces') throw new Error(`current section: ${current.join()}`);
    },
    DESKTOP,
    // page.route must see the API calls (a service worker would answer them itself).
    { serviceWorkers: 'block' },
  );

  await journey(
    'the town-hall clerk gets the Mairie menu and never sees "S\'inscrire"',
    async (page) => {
      await page.goto(`${base}/login`);
      await page.getByLabel('Adresse e-mail').fill('mairie@dinan.demo.partagora.fr');
      await page.getByLabel('Mot de passe').fill('partagora-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/listings/, { timeout: 15000 });
      await page.goto(`${base}/t/dinan`);
      await page.getByRole('heading', { name: 'Dinan' }).waitFor();
      const menu = page.getByRole('button', { name: /Mairie/ });
      await menu.waitFor({ timeout: 15000 });
      const signup = await page.getByRole('link', { name: /S'inscrire|Rejoindre|Créer/ }).count();
      if (signup > 0) throw new Error('a signed-in clerk is offered to sign up');
      await menu.click();
      await page.getByRole('link', { name: 'Codes de vérification' }).waitFor();
      await a11y(page, 'town page with the staff menu open');
      await page.screenshot({ path: path.join(shots, 'staff-menu.png') });
      await page.getByRole('link', { name: "Journal d'audit" }).click();
      await page.waitForURL(/\/t\/dinan\/audit/);
    },
  );

  await journey(
    'a shopkeeper registers a shop, staff verify it, it publishes an event, a resident RSVPs',
    async (page, context) => {
      const tag = randomBytes(3).toString('hex');
      const shop = `Épicerie ${tag}`;
      const title = `Dégustation ${tag}`;
      const fresh = () =>
        context.browser().newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      await signUp(page, {
        email: `shop-${tag}@example.test`,
        name: 'Commerçante Journey',
        lat: 48.4548,
        lng: -2.0489,
      });
      await page.goto(`${base}/organisations/new`);
      await page.getByLabel('Type', { exact: true }).selectOption('shop');
      await page.getByLabel('Nom', { exact: true }).fill(shop);
      await page.getByLabel('Adresse', { exact: true }).fill('9 rue de la Lainerie, 22100 Dinan');
      await a11y(page, 'organisation form');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByRole('heading', { name: shop }).waitFor({ timeout: 15000 });
      await page.getByText('En attente de vérification par la mairie').waitFor();
      const orgUrl = page.url();

      const staffCtx = await fresh();
      const residentCtx = await fresh();
      try {
        const m = await staffCtx.newPage();
        await m.goto(`${base}/login`);
        await m.getByLabel('Adresse e-mail').fill('mairie@dinan.demo.partagora.fr');
        await m.getByLabel('Mot de passe').fill('partagora-demo');
        await m.getByRole('button', { name: 'Se connecter' }).click();
        await m.waitForURL(/\/listings/, { timeout: 15000 });
        await m.goto(`${base}/staff/organisations`);
        await m.getByRole('button', { name: `Vérifier « ${shop} »` }).click();
        await m.getByText('Organisation vérifiée.').waitFor({ timeout: 15000 });

        await page.goto(orgUrl);
        await page.getByRole('link', { name: 'Publier un événement' }).click();
        const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel('Titre', { exact: true }).fill(title);
        await page.getByLabel('Date', { exact: true }).fill(day);
        await page.getByLabel('Heure de début').fill('18:00');
        await page.getByLabel('Heure de fin').fill('20:00');
        await page.getByLabel('Lieu', { exact: true }).fill(shop);
        await page.getByLabel('Adresse du lieu').fill('9 rue de la Lainerie, 22100 Dinan');
        await page.getByLabel('Nombre de places (facultatif)').fill('10');
        await page.getByRole('button', { name: 'Publier l’événement' }).click();
        await page.getByRole('heading', { name: title }).waitFor({ timeout: 15000 });
        const eventUrl = page.url();

        const r = await residentCtx.newPage();
        await signUp(r, {
          email: `guest-${tag}@example.test`,
          name: 'Habitante Journey',
          lat: 48.4561,
          lng: -2.0511,
        });
        await r.goto(eventUrl);
        try {
          await r.getByText('0 / 10 places prises').waitFor({ timeout: 15000 });
        } catch {
          await r.screenshot({ path: path.join(shots, 'event-resident-first-load.png') });
          await r.reload();
          await r.getByText('0 / 10 places prises').waitFor({ timeout: 30000 });
        }
        await r.getByRole('button', { name: 'Je participe' }).click();
        await r.getByText('Vous êtes inscrit·e.').waitFor({ timeout: 15000 });
        await r.getByText('1 / 10 places prises').waitFor({ timeout: 15000 });
        await a11y(r, 'event page');
        await r.goto(`${base}/t/dinan/agenda`);
        const card = r.locator('li.event-card').filter({ hasText: title });
        await card.getByText('Inscrit·e', { exact: true }).waitFor({ timeout: 15000 });
        await a11y(r, 'agenda');
        await r.screenshot({ path: path.join(shots, 'agenda.png'), fullPage: true });
      } finally {
        await staffCtx.close();
        await residentCtx.close();
      }
    },
  );

  await journey(
    'the clerk publishes an alert (town banner and news) and a town-hall event (agenda)',
    async (page) => {
      const tag = randomBytes(3).toString('hex');
      const alertTitle = `Coupure d’eau ${tag}`;
      const eventTitle = `Conseil municipal ${tag}`;
      await page.goto(`${base}/login`);
      await page.getByLabel('Adresse e-mail').fill('mairie@dinan.demo.partagora.fr');
      await page.getByLabel('Mot de passe').fill('partagora-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/listings/, { timeout: 15000 });

      // An alert from the staff console, published now.
      await page.goto(`${base}/t/dinan/staff/posts`);
      await page.getByRole('heading', { name: 'Nouvelle publication' }).waitFor({ timeout: 15000 });
      await page.getByLabel('Titre', { exact: true }).fill(alertTitle);
      await page
        .getByLabel('Texte', { exact: true })
        .fill('L’eau sera coupée rue de la Lainerie demain de 9 h à 12 h pour travaux.');
      await page.getByLabel('Type', { exact: true }).selectOption('alert');
      await page.getByText(/Une alerte est envoyée dès sa publication/).waitFor();
      await a11y(page, 'staff posts console');
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      await page.getByText('Publication en ligne.').waitFor({ timeout: 15000 });

      // The town page shows it in its alert banner, and the news list has it.
      await page.goto(`${base}/t/dinan`);
      await page
        .locator('aside.alert-banner')
        .getByRole('heading', { name: alertTitle })
        .waitFor({ timeout: 15000 });
      await a11y(page, 'town page with an alert');
      await page.goto(`${base}/t/dinan/posts`);
      await page.getByText(alertTitle).first().waitFor({ timeout: 15000 });

      // An event for the town hall from the events console, then in the town's agenda.
      await page.goto(`${base}/staff/events?town=dinan`);
      await page.getByRole('heading', { name: 'Nouvel événement' }).waitFor({ timeout: 15000 });
      const organiser = await page
        .getByLabel('Organisateur')
        .evaluate((el) => el.options[el.selectedIndex]?.text);
      if (organiser !== 'La mairie') throw new Error(`default organiser: ${organiser}`);
      const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Titre', { exact: true }).fill(eventTitle);
      await page.getByLabel('Date', { exact: true }).fill(day);
      await page.getByLabel('Heure de début').fill('19:00');
      await page.getByLabel('Heure de fin').fill('21:00');
      await page.getByLabel('Lieu', { exact: true }).fill('Salle du conseil');
      await page.getByLabel('Adresse du lieu').fill('Place du Guesclin, 22100 Dinan');
      await a11y(page, 'staff events console');
      await page.getByRole('button', { name: 'Publier l’événement' }).click();
      await page.getByRole('heading', { name: eventTitle }).waitFor({ timeout: 15000 });
      await page.goto(`${base}/t/dinan/agenda`);
      await page
        .locator('li.event-card')
        .filter({ hasText: eventTitle })
        .waitFor({ timeout: 15000 });
    },
  );

  await journey(
    'the app installs: manifest and service worker served, and the app shell opens offline',
    async (page, context) => {
      const manifest = await page.request.get(`${base}/manifest.webmanifest`);
      if (!/application\/manifest\+json/.test(manifest.headers()['content-type'] ?? ''))
        throw new Error(`manifest type ${manifest.headers()['content-type']}`);
      const json = await manifest.json();
      if (json.name !== 'Partagora' || !json.icons?.some((i) => i.sizes === '512x512'))
        throw new Error(`manifest ${JSON.stringify(json)}`);
      const icon = await page.request.get(`${base}${json.icons[0].src}`);
      if (!icon.ok()) throw new Error(`icon ${icon.status()}`);
      const sw = await page.request.get(`${base}/sw.js`);
      if (
        !/javascript/.test(sw.headers()['content-type'] ?? '') ||
        sw.headers()['cache-control'] !== 'no-cache'
      )
        throw new Error(`sw.js ${sw.headers()['content-type']} ${sw.headers()['cache-control']}`);

      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Choisissez votre commune' }).waitFor();
      // Installed and in control (it precaches the shell before activating).
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
        timeout: 30000,
      });
      await context.setOffline(true);
      try {
        await page.reload();
        await page
          .getByRole('heading', { name: 'Choisissez votre commune' })
          .waitFor({ timeout: 15000 });
        await page.getByText('Vous êtes hors ligne').waitFor({ timeout: 5000 });
        await page.screenshot({ path: path.join(shots, 'offline-shell.png') });
      } finally {
        await context.setOffline(false);
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

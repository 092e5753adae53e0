import { randomBytes } from 'node:crypto';
import type { PostKind } from '@partagora/domain';
import type { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;

/** A month of the town hall's news; `daysAgo` negative: scheduled in the future. */
const DEMO_POSTS: ReadonlyArray<{
  kind: PostKind;
  daysAgo: number;
  title: (town: string) => string;
  body: (town: string) => string;
}> = [
  {
    kind: 'news',
    daysAgo: 29,
    title: () => 'La bricothèque municipale ouvre le samedi matin',
    body: (t) =>
      `À partir de ce mois-ci, la bricothèque de ${t} vous accueille aussi le samedi de 9 h à 12 h. Perceuses, échelles, taille-haies : réservez-les sur Partagora et venez les chercher à la mairie.`,
  },
  {
    kind: 'works',
    daysAgo: 26,
    title: () => 'Réfection de la chaussée rue de la Gare',
    body: () =>
      'Des travaux de voirie auront lieu rue de la Gare pendant deux semaines. La circulation sera alternée de 8 h à 17 h ; le stationnement est interdit côté pair.',
  },
  {
    kind: 'announcement',
    daysAgo: 23,
    title: () => 'Permanence du conciliateur de justice',
    body: () =>
      'Le conciliateur de justice tiendra une permanence gratuite à la mairie le premier mardi du mois, sur rendez-vous auprès de l’accueil.',
  },
  {
    kind: 'news',
    daysAgo: 20,
    title: () => 'Repair café : bilan du premier trimestre',
    body: () =>
      '42 objets réparés sur 57 apportés : merci aux bénévoles du repair café ! Prochaine séance à la salle des associations, apportez vos petits appareils en panne.',
  },
  {
    kind: 'works',
    daysAgo: 16,
    title: () => 'Élagage des platanes du mail',
    body: () =>
      'Les services techniques élagueront les platanes du mail mardi et mercredi. Merci de ne pas stationner sous les arbres ces deux jours.',
  },
  {
    kind: 'announcement',
    daysAgo: 12,
    title: () => 'Inscriptions sur les listes électorales',
    body: () =>
      'Pensez à vérifier votre inscription sur les listes électorales. L’inscription se fait en ligne ou à l’accueil de la mairie, avec un justificatif de domicile.',
  },
  {
    kind: 'news',
    daysAgo: 8,
    title: (t) => `Le conseil municipal de ${t} adopte le plan vélo`,
    body: () =>
      'Le conseil municipal a adopté à l’unanimité le plan vélo : trois nouvelles pistes cyclables et vingt arceaux de stationnement d’ici l’été.',
  },
  {
    kind: 'alert',
    daysAgo: 5,
    title: () => 'Vigilance orange vent violent cette nuit',
    body: () =>
      'Météo-France place le département en vigilance orange vent violent de 22 h à 6 h. Rentrez les objets de vos jardins et balcons, évitez les déplacements et ne vous abritez pas sous les arbres.',
  },
  {
    kind: 'works',
    daysAgo: 3,
    title: () => 'Coupure d’eau jeudi matin, quartier de l’église',
    body: () =>
      'Une intervention sur le réseau d’eau potable entraînera une coupure jeudi de 8 h à 11 h dans le quartier de l’église. Pensez à faire des réserves.',
  },
  {
    kind: 'news',
    daysAgo: 1,
    title: () => 'Collecte solidaire de jouets à la mairie',
    body: () =>
      'Jusqu’à la fin du mois, déposez à l’accueil les jouets en bon état dont vos enfants ne se servent plus : ils seront redistribués par les associations de la commune.',
  },
  {
    kind: 'announcement',
    daysAgo: -4,
    title: () => 'Cérémonie des vœux du maire',
    body: (t) =>
      `Les habitants de ${t} sont invités à la cérémonie des vœux du maire, à la salle des fêtes, suivie d’un verre de l’amitié.`,
  },
];

const token = () => randomBytes(24).toString('base64url');

/**
 * Idempotent: a town that already has posts is left as it is. Eleven posts over the last month
 * (one of each kind at least, one scheduled in the future) and one alert already sent: its
 * notification and in-app delivery rows are what the worker writes, and a third of the members
 * opened it from the app, so the staff console shows real reach figures.
 */
export async function seedDemoPosts(
  ds: DataSource,
  townId: string,
  townName: string,
  now = new Date(),
): Promise<number> {
  const [{ n }] = await ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM posts WHERE municipality_id = $1`,
    [townId],
  );
  if (n > 0) return 0;
  const [clerk] = await ds.query<Array<{ id: string }>>(
    `SELECT user_id AS id FROM user_roles WHERE municipality_id = $1 AND role = 'staff' LIMIT 1`,
    [townId],
  );
  const [town] = await ds.query<Array<{ slug: string }>>(
    `SELECT slug FROM municipalities WHERE id = $1`,
    [townId],
  );
  for (const p of DEMO_POSTS) {
    // Mid-morning, so the dates read like office hours.
    const at = new Date(now.getTime() - p.daysAgo * DAY_MS);
    at.setUTCHours(9, 30, 0, 0);
    const isAlert = p.kind === 'alert';
    const [post] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO posts (municipality_id, created_by, kind, title, body, publish_at,
                          alert_dispatched_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, least($6, now()), least($6, now())) RETURNING id`,
      [
        townId,
        clerk?.id ?? null,
        p.kind,
        p.title(townName),
        p.body(townName),
        at,
        isAlert ? at : null,
      ],
    );
    if (!isAlert || !town) continue;
    const members = await ds.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE municipality_id = $1 AND erased_at IS NULL ORDER BY created_at, id`,
      [townId],
    );
    for (const [i, m] of members.entries()) {
      const receipt = token();
      const opened = i % 3 === 0;
      const [notification] = await ds.query<Array<{ id: string }>>(
        `INSERT INTO notifications (user_id, kind, source_key, data, in_app, email_state, read_at, created_at)
         VALUES ($1, 'town_alert', $2, $3, true, 'off', $4, $5)
         ON CONFLICT (source_key, user_id) DO NOTHING RETURNING id`,
        [
          m.id,
          `post:${post!.id}`,
          JSON.stringify({
            postId: post!.id,
            postTitle: p.title(townName),
            excerpt: p.body(townName).slice(0, 280),
            municipalitySlug: town.slug,
            municipalityName: townName,
            receipt,
            emailReceipt: token(),
          }),
          opened ? new Date(at.getTime() + 3600_000) : null,
          at,
        ],
      );
      await ds.query(
        `INSERT INTO post_deliveries (post_id, channel, recipient_key, notification_id, token, state,
                                      created_at, delivered_at, opened_at, opened_via)
         VALUES ($1, 'in_app', $2, $3, $4, 'delivered', $5, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [
          post!.id,
          `user:${m.id}`,
          notification?.id ?? null,
          receipt,
          at,
          opened ? new Date(at.getTime() + 3600_000) : null,
          opened ? 'list' : null,
        ],
      );
    }
  }
  return DEMO_POSTS.length;
}

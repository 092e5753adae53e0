/**
 * The 30 practices of the collaborative-territories toolbox (Ouishare's card deck "La boîte à
 * outils des territoires collaboratifs", `../shared/seeds/004_*`), the taxonomy of initiatives.
 *
 * The deck announces 30 practices but its text holds 35 cards; near duplicates are merged so the
 * list keeps the 30 the deck names (docs/decisions/0018): digital fabrication into fablab,
 * peer-to-peer car rental into car sharing, home rental and house swapping into home stays,
 * housing cooperatives and shared housing into one, peer-to-peer lending into crowdfunding.
 * Slugs are stable (stored on initiatives, published as open data): add, never rename.
 */
export const PRACTICE_FAMILIES = [
  'mobility',
  'spaces',
  'food',
  'production',
  'reuse',
  'tourism',
  'housing',
  'knowledge',
  'governance',
  'finance',
] as const;
export type PracticeFamily = (typeof PRACTICE_FAMILIES)[number];

export interface Practice {
  slug: string;
  family: PracticeFamily;
  label: { fr: string; en: string };
}

const p = (slug: string, family: PracticeFamily, fr: string, en: string) =>
  ({ slug, family, label: { fr, en } }) as const;

export const PRACTICES = [
  p('carpooling', 'mobility', 'Covoiturage, aire de covoiturage', 'Carpooling, carpool area'),
  p('car-sharing', 'mobility', 'Autopartage', 'Car sharing'),
  p('bike-sharing', 'mobility', 'Vélos partagés', 'Shared bikes'),
  p('shared-parking', 'mobility', 'Parkings partagés', 'Shared parking'),
  p('coworking', 'spaces', 'Coworking', 'Coworking space'),
  p('fablab', 'spaces', 'Fablab, makerspace', 'Fablab, makerspace'),
  p(
    'shared-workshop',
    'spaces',
    'Atelier partagé (art, artisanat)',
    'Shared workshop (arts, crafts)',
  ),
  p('shared-garden', 'food', 'Jardin partagé, agriculture urbaine', 'Shared garden, urban farming'),
  p('amap', 'food', 'AMAP, achats groupés au producteur', 'Community-supported agriculture (AMAP)'),
  p('surplus-food', 'food', 'Partage des invendus', 'Surplus food sharing'),
  p('community-energy', 'production', 'Énergie citoyenne', 'Community energy'),
  p('user-cooperative', 'production', "Coopérative d'usagers", 'User cooperative'),
  p('donation', 'reuse', 'Don, ressourcerie, recyclage', 'Giving, reuse centre, recycling'),
  p('barter', 'reuse', 'Troc', 'Barter'),
  p('repair-cafe', 'reuse', 'Repair café', 'Repair café'),
  p('tool-library', 'reuse', 'Bricothèque', 'Tool library'),
  p('second-hand', 'reuse', 'Seconde main, vide-grenier', 'Second-hand market, flea market'),
  p('home-made', 'reuse', 'Fait maison, créateurs locaux', 'Home-made goods, local makers'),
  p(
    'home-stay',
    'tourism',
    "Hébergement chez l'habitant, échange de maisons",
    'Home stays, house swapping',
  ),
  p('shared-meals', 'tourism', "Repas chez l'habitant", 'Shared home meals'),
  p('local-guides', 'tourism', 'Guides locaux', 'Local guides'),
  p('culture-leisure', 'tourism', 'Culture et loisirs partagés', 'Shared culture and leisure'),
  p(
    'shared-housing',
    'housing',
    "Habitat partagé, coopérative d'habitants",
    'Shared housing, housing cooperative',
  ),
  p('time-bank', 'knowledge', 'Banque de temps, SEL', 'Time bank, local exchange system'),
  p('peer-learning', 'knowledge', 'Apprentissage entre pairs', 'Peer-to-peer learning'),
  p('open-learning', 'knowledge', 'Apprentissage en ligne pour tous', 'Open online learning'),
  p('open-data', 'governance', 'Données ouvertes', 'Open data'),
  p('participatory-democracy', 'governance', 'Démocratie participative', 'Participatory democracy'),
  p(
    'crowdfunding',
    'finance',
    'Financement participatif, prêt entre particuliers',
    'Crowdfunding, peer-to-peer lending',
  ),
  p('local-currency', 'finance', 'Monnaie locale complémentaire', 'Local complementary currency'),
] as const satisfies readonly Practice[];

export type PracticeSlug = (typeof PRACTICES)[number]['slug'];

export const PRACTICE_SLUGS = PRACTICES.map((x) => x.slug) as [PracticeSlug, ...PracticeSlug[]];

/** The practice of a slug, or undefined for one that is not in the toolbox. */
export function practiceOf(slug: string): Practice | undefined {
  return PRACTICES.find((x) => x.slug === slug);
}

import type { ListingCategory, ListingCondition, ListingKind } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';

export interface DemoTown {
  slug: string;
  name: string;
  inseeCode: string;
  centre: LatLng;
  /** Outer ring, `{lat,lng}` points, roughly following the commune's outline. */
  outline: LatLng[];
  primaryColor: string;
  tagline: string;
}

/** Approximate outlines, drawn around the real town centres (enough for a demo, not a cadastre). */
export const DEMO_TOWNS: DemoTown[] = [
  {
    slug: 'dinan',
    name: 'Dinan',
    inseeCode: '22050',
    centre: { lat: 48.4554, lng: -2.0503 },
    outline: [
      { lat: 48.4685, lng: -2.0632 },
      { lat: 48.4672, lng: -2.0468 },
      { lat: 48.4631, lng: -2.0345 },
      { lat: 48.4542, lng: -2.0318 },
      { lat: 48.4449, lng: -2.0371 },
      { lat: 48.4418, lng: -2.0497 },
      { lat: 48.4441, lng: -2.0651 },
      { lat: 48.4528, lng: -2.0712 },
      { lat: 48.4619, lng: -2.0703 },
    ],
    primaryColor: '#1d4f91',
    tagline: 'Prêter, donner, échanger entre voisins des remparts à la Rance',
  },
  {
    slug: 'thomery',
    name: 'Thomery',
    inseeCode: '77463',
    centre: { lat: 48.4075, lng: 2.7862 },
    outline: [
      { lat: 48.4218, lng: 2.7705 },
      { lat: 48.4226, lng: 2.7889 },
      { lat: 48.4171, lng: 2.8043 },
      { lat: 48.4069, lng: 2.8101 },
      { lat: 48.3968, lng: 2.8052 },
      { lat: 48.3931, lng: 2.7883 },
      { lat: 48.3969, lng: 2.7712 },
      { lat: 48.4066, lng: 2.7641 },
      { lat: 48.4161, lng: 2.7652 },
    ],
    primaryColor: '#2e7d32',
    tagline: 'Entre Seine et forêt, les voisins partagent',
  },
];

export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Louis',
  'Manon',
  'Hugo',
  'Chloé',
  'Lucas',
  'Inès',
  'Jules',
  'Emma',
  'Gabriel',
  'Jade',
  'Arthur',
  'Louise',
  'Raphaël',
  'Alice',
  'Nathan',
  'Lina',
  'Paul',
  'Rose',
  'Yanis',
  'Anna',
  'Tom',
  'Mila',
  'Sacha',
  'Zoé',
  'Noé',
  'Juliette',
  'Malo',
  'Lou',
  'Adam',
  'Agathe',
  'Éthan',
  'Margaux',
  'Victor',
  'Nina',
  'Martin',
  'Sarah',
  'Théo',
  'Clémence',
];
export const LAST_INITIALS = 'ABCDEFGHJKLMNPRSTV';

export interface DemoItem {
  kind: ListingKind;
  category: ListingCategory;
  title: string;
  description: string;
  condition: ListingCondition | null;
}

const item = (
  kind: ListingKind,
  category: ListingCategory,
  title: string,
  description: string,
  condition: ListingCondition | null = 'good',
): DemoItem => ({ kind, category, title, description, condition });

/** French demo listings; the seed cycles through them across residents. */
export const DEMO_ITEMS: DemoItem[] = [
  item(
    'lend',
    'tools',
    'Perceuse à percussion',
    'Perceuse 800 W avec coffret de forets béton et bois. Servie trois fois.',
  ),
  item(
    'lend',
    'tools',
    'Échelle télescopique 3,80 m',
    'Légère, se range dans un placard. Idéale pour les gouttières.',
  ),
  item(
    'lend',
    'tools',
    'Scie sauteuse',
    'Avec lames bois et métal. Je montre comment l’utiliser si besoin.',
  ),
  item('lend', 'tools', 'Ponceuse orbitale', 'Disques de ponçage grain 80 et 120 fournis.'),
  item('lend', 'tools', 'Caisse à outils complète', 'Marteau, tournevis, pinces, niveau, mètre.'),
  item('lend', 'garden', 'Tondeuse électrique', 'Pour petites pelouses, câble de 20 m inclus.'),
  item(
    'lend',
    'garden',
    'Taille-haie',
    'Taille-haie électrique 60 cm, lunettes de protection fournies.',
  ),
  item('lend', 'garden', 'Brouette', 'Brouette solide, pneu neuf.'),
  item('lend', 'garden', 'Nettoyeur haute pression', 'Parfait pour terrasses et vélos.'),
  item('lend', 'kitchen', 'Appareil à raclette 8 personnes', 'Avec pierre à griller.'),
  item('lend', 'kitchen', 'Machine à pain', 'Programmes pain complet et brioche.'),
  item('lend', 'kitchen', 'Stérilisateur à bocaux', 'Pour les conserves de l’été.'),
  item('lend', 'party', 'Tonnelle 3 x 3 m', 'Montage à deux en dix minutes.'),
  item('lend', 'party', 'Tables et bancs pliants', 'Un ensemble pour huit personnes.'),
  item('lend', 'party', 'Enceinte Bluetooth', 'Bonne autonomie, idéale pour une fête de voisins.'),
  item('lend', 'kids', 'Lit parapluie', 'Avec matelas, propre et complet.'),
  item('lend', 'kids', 'Siège auto 0-18 kg', 'Pour dépanner les grands-parents.'),
  item('lend', 'mobility', 'Remorque vélo enfant', 'Deux places, avec drapeau.'),
  item('lend', 'mobility', 'Porte-vélos d’attelage', 'Pour trois vélos.'),
  item('lend', 'sports-leisure', 'Tente 4 places', 'Montée deux fois, comme neuve.', 'like_new'),
  item('lend', 'sports-leisure', 'Paddle gonflable', 'Avec pompe et pagaie.'),
  item('lend', 'electronics', 'Vidéoprojecteur', 'Pour une soirée cinéma dans le jardin.'),
  item('lend', 'household', 'Shampouineuse moquette', 'Pour tapis et canapés.'),
  item('lend', 'household', 'Diable de déménagement', 'Charge 150 kg.'),
  item('give', 'furniture', 'Commode en pin', 'Trois tiroirs, quelques rayures.', 'fair'),
  item('give', 'books-media', 'Lot de romans policiers', 'Une vingtaine de livres de poche.'),
  item('give', 'kids', 'Vêtements bébé 6-12 mois', 'Un grand sac, garçon et fille.'),
  item('give', 'clothing', 'Manteau d’hiver taille M', 'Très chaud, porté deux hivers.'),
  item('give', 'kitchen', 'Service à café', 'Six tasses et soucoupes en porcelaine.', 'like_new'),
  item(
    'give',
    'garden',
    'Plants de tomates',
    'Cœur de bœuf et cerises, à récupérer rapidement.',
    null,
  ),
  item('give', 'household', 'Cartons de déménagement', 'Une trentaine, pliés.', null),
  item('give', 'furniture', 'Chaise de bureau', 'Réglable en hauteur.', 'worn'),
  item(
    'barter',
    'garden',
    'Confitures maison contre aide au jardin',
    'Je troque des pots de confiture contre une heure de désherbage.',
    null,
  ),
  item(
    'barter',
    'books-media',
    'Échange BD contre romans',
    'Une étagère de bandes dessinées à échanger.',
  ),
  item(
    'barter',
    'sports-leisure',
    'Raquettes de badminton contre jeu de pétanque',
    'Deux raquettes et volants.',
  ),
  item('barter', 'electronics', 'Console rétro contre vélo enfant', 'Avec deux manettes.'),
  item(
    'wanted',
    'tools',
    'Cherche scie circulaire',
    'Pour un week-end, je prends soin du matériel.',
    null,
  ),
  item('wanted', 'mobility', 'Cherche vélo cargo', 'À emprunter pour un essai avant achat.', null),
  item('wanted', 'kids', 'Cherche poussette double', 'Pour la visite des cousins en août.', null),
  item(
    'wanted',
    'party',
    'Cherche machine à barbe à papa',
    'Pour l’anniversaire de ma fille.',
    null,
  ),
];

import { bulletinMonth } from '@partagora/domain';
import { pdfText as textOf } from '../../../test/support/pdf-text';
import { type BulletinContent, renderBulletin } from './bulletin-pdf';

const month = bulletinMonth(new Date('2026-12-02T10:00:00Z'));
const base: BulletinContent = {
  town: { name: 'Dinan', primaryColor: '#0b5d8c' },
  month,
  news: [
    {
      title: 'Coupure d’eau rue de la Ferronnerie',
      body: 'Des travaux sur le réseau imposent une coupure jeudi de 8 h à 12 h.',
      kind: 'alert',
      publishedAt: new Date('2026-12-01T08:00:00Z'),
    },
  ],
  events: [
    {
      title: 'Marché de Noël',
      startsAt: new Date('2026-12-12T13:30:00Z'),
      placeName: 'Place Duguesclin',
      address: 'Place Duguesclin, 22100 Dinan',
    },
  ],
  library: {
    name: 'La bricothèque',
    address: 'Mairie, 22100 Dinan',
    hours: ['Mercredi 14 h – 18 h'],
  },
  townHall: {
    name: 'Mairie de Dinan',
    address: '1 place du Guesclin, 22100 Dinan',
    hours: ['Lundi – vendredi : 9 h – 12 h, 14 h – 17 h'],
  },
  joinUrl: 'https://dinan.partagora.fr',
  printedAt: new Date('2026-12-02T10:00:00Z'),
};

describe('renderBulletin', () => {
  it('should print the month, its news, its events with their time, the library and the help desk', async () => {
    const pdf = await renderBulletin(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await textOf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Bulletin de Dinan');
    expect(text).toContain('Décembre 2026');
    expect(text).toContain('Coupure d’eau rue de la Ferronnerie');
    expect(text).toContain('Marché de Noël');
    // 13:30 UTC is 14 h 30 in Paris in December.
    expect(text).toContain('14 h 30');
    expect(text).toContain('Mercredi 14 h – 18 h');
    expect(text).toContain('1 place du Guesclin');
    expect(text).toContain('https://dinan.partagora.fr');
  });

  it('should stay within two pages and count what it left out', async () => {
    const many: BulletinContent = {
      ...base,
      news: Array.from({ length: 20 }, (_, i) => ({
        ...base.news[0]!,
        title: `Annonce numéro ${i + 1}`,
        body: 'Un texte assez long pour remplir la page. '.repeat(12),
        kind: 'news',
      })),
      events: Array.from({ length: 30 }, (_, i) => ({
        ...base.events[0]!,
        title: `Atelier ${i + 1}`,
      })),
    };
    const { text, pages } = await textOf(await renderBulletin(many));
    expect(pages).toBe(2);
    const printedNews = (text.match(/Annonce numéro \d+/g) ?? []).length;
    const printedEvents = (text.match(/Atelier \d+/g) ?? []).length;
    const leftOut = Number(/Et (\d+) autres? à lire/.exec(text)?.[1]);
    expect(printedNews + printedEvents + leftOut).toBe(50);
    expect(text).toContain('Besoin d’aide ? Venez à la mairie');
  });

  it('should say so when the month has neither news nor events', async () => {
    const { text } = await textOf(
      await renderBulletin({ ...base, news: [], events: [], library: null }),
    );
    expect(text).toContain('Pas d’actualité publiée ce mois-ci.');
    expect(text).toContain('Aucun événement annoncé ce mois-ci.');
    expect(text).not.toContain('bricothèque');
  });
});

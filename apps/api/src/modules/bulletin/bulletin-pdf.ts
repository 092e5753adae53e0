import PDFDocument from 'pdfkit';
import {
  BULLETIN_MAX_EVENTS,
  BULLETIN_MAX_NEWS,
  BULLETIN_MAX_PAGES,
  LIBRARY_TIME_ZONE,
  type BulletinMonth,
  bulletinExcerpt,
} from '@partagora/domain';

/** What the month's bulletin prints; every text is already public (no resident appears in it). */
export interface BulletinContent {
  town: { name: string; primaryColor: string };
  month: BulletinMonth;
  news: Array<{ title: string; body: string; kind: string; publishedAt: Date }>;
  events: Array<{ title: string; startsAt: Date; placeName: string; address: string }>;
  /** The town's tool library, when it has one. */
  library: { name: string; address: string; hours: string[] } | null;
  townHall: { name: string; address: string; hours: string[] };
  /** Where to sign up (the town's page). */
  joinUrl: string;
  printedAt: Date;
}

const KIND_LABEL: Record<string, string> = {
  alert: 'Alerte',
  works: 'Travaux',
  announcement: 'Annonce',
  news: 'Actualité',
};

const fr = (opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: LIBRARY_TIME_ZONE, ...opts });
const monthTitle = fr({ month: 'long', year: 'numeric' });
const dayShort = fr({ weekday: 'short', day: 'numeric', month: 'short' });
const dayLong = fr({ day: 'numeric', month: 'long' });
const hourMinute = fr({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** « 14 h 30 », the way French print writes times. */
const frenchTime = (d: Date) => hourMinute.format(d).replace(':', ' h ');
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1);

/** Dark text on a light brand colour, white on a dark one (WCAG relative luminance). */
function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#ffffff';
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [0, 2, 4].map((i) => lin(parseInt(m[1]!.slice(i, i + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.35 ? '#111111' : '#ffffff';
}
const brandColour = (hex: string) => (/^#?[0-9a-f]{6}$/i.test(hex) ? hex : '#1f4e79');

const MARGIN = 42;
const GAP = 6;

/**
 * The month's printable bulletin: A4, one or two pages, standard PDF fonts (shipped inside
 * pdfkit, nothing fetched), for letterboxes and the town-hall notice board. News and events that
 * would not fit on the second page are counted in one line pointing to the town's page.
 */
export function renderBulletin(c: BulletinContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Bulletin de ${c.town.name} — ${monthTitle.format(c.month.from)}`,
      Author: `Mairie de ${c.town.name}`,
      Subject: 'Les nouvelles de la ville et de ses habitants',
      Creator: 'Partagora',
    },
    lang: 'fr-FR',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 18; // room for the footer line
  let page = 1;
  const brand = brandColour(c.town.primaryColor);

  // Header band in the town's colour.
  doc.rect(0, 0, doc.page.width, 96).fill(brand);
  doc
    .fillColor(textOn(brand))
    .font('Helvetica-Bold')
    .fontSize(24)
    .text(`Bulletin de ${c.town.name}`, MARGIN, 26, { width });
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(
      `${capitalised(monthTitle.format(c.month.from))} · Les nouvelles de la mairie et des voisins`,
      MARGIN,
      60,
      { width },
    );
  doc.fillColor('#111111');
  doc.y = 116;

  const closing = closingBlocks(c);
  const closingHeight = () =>
    closing.reduce((h, b) => h + blockHeight(doc, b, width) + GAP * 2, 0) + GAP;

  /** Room for `h` more points: a new page while one is left, else false (the item is skipped). */
  const fits = (h: number): boolean => {
    const limit = page === BULLETIN_MAX_PAGES ? bottom() - closingHeight() : bottom();
    if (doc.y + h <= limit) return true;
    if (page >= BULLETIN_MAX_PAGES) return false;
    doc.addPage();
    page += 1;
    doc.y = MARGIN;
    return doc.y + h <= (page === BULLETIN_MAX_PAGES ? bottom() - closingHeight() : bottom());
  };

  const heading = (title: string) => {
    doc.font('Helvetica-Bold').fontSize(15).fillColor('#111111');
    doc.text(title, MARGIN, doc.y, { width });
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(1.5)
      .strokeColor(brand)
      .stroke();
    doc.y = y + GAP;
  };

  let leftOut = 0;
  const news = c.news.slice(0, BULLETIN_MAX_NEWS);
  leftOut += c.news.length - news.length;
  if (fits(40)) {
    heading('Actualités de la mairie');
    if (news.length === 0) {
      doc
        .font('Helvetica-Oblique')
        .fontSize(11)
        .text('Pas d’actualité publiée ce mois-ci.', { width });
      doc.moveDown(0.6);
    }
    for (const post of news) {
      const meta = `${KIND_LABEL[post.kind] ?? 'Actualité'} · ${dayLong.format(post.publishedAt)}`;
      const excerpt = bulletinExcerpt(post.body);
      const h =
        doc.font('Helvetica').fontSize(9).heightOfString(meta, { width }) +
        doc.font('Helvetica-Bold').fontSize(12).heightOfString(post.title, { width }) +
        doc.font('Helvetica').fontSize(10.5).heightOfString(excerpt, { width }) +
        GAP * 2;
      if (!fits(h)) {
        leftOut += 1;
        continue;
      }
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(post.kind === 'alert' ? '#a40000' : '#444444');
      doc.text(meta.toUpperCase(), MARGIN, doc.y, { width });
      doc.font('Helvetica-Bold').fontSize(12).fillColor('#111111').text(post.title, { width });
      doc.font('Helvetica').fontSize(10.5).text(excerpt, { width });
      doc.y += GAP * 2;
    }
  }

  const events = c.events.slice(0, BULLETIN_MAX_EVENTS);
  leftOut += c.events.length - events.length;
  if (fits(40)) {
    doc.y += GAP;
    heading('Agenda du mois');
    if (events.length === 0) {
      doc
        .font('Helvetica-Oblique')
        .fontSize(11)
        .text('Aucun événement annoncé ce mois-ci.', { width });
      doc.moveDown(0.6);
    }
    for (const event of events) {
      const when = `${capitalised(dayShort.format(event.startsAt))} · ${frenchTime(event.startsAt)}`;
      const where = [event.placeName, event.address].filter(Boolean).join(', ');
      const h =
        doc
          .font('Helvetica-Bold')
          .fontSize(11)
          .heightOfString(`${when} — ${event.title}`, { width }) +
        doc.font('Helvetica').fontSize(10).heightOfString(where, { width }) +
        GAP;
      if (!fits(h)) {
        leftOut += 1;
        continue;
      }
      doc.font('Helvetica-Bold').fontSize(11).fillColor('#111111');
      doc.text(`${when} — ${event.title}`, MARGIN, doc.y, { width });
      doc.font('Helvetica').fontSize(10).fillColor('#333333').text(where, { width });
      doc.y += GAP;
    }
  }

  if (c.library && fits(60)) {
    doc.y += GAP;
    heading(c.library.name);
    doc.font('Helvetica').fontSize(10.5).fillColor('#111111');
    doc.text(
      `Empruntez perceuses, échelles et outils de jardin gratuitement, sur réservation. ${c.library.address}.`,
      MARGIN,
      doc.y,
      { width },
    );
    for (const line of c.library.hours) doc.text(`• ${line}`, { width });
    doc.y += GAP;
  }

  if (leftOut > 0 && fits(20)) {
    doc.font('Helvetica-Oblique').fontSize(10).fillColor('#333333');
    doc.text(
      `Et ${leftOut} autre${leftOut > 1 ? 's' : ''} à lire sur ${c.joinUrl}`,
      MARGIN,
      doc.y,
      {
        width,
      },
    );
    doc.y += GAP;
  }

  // The closing boxes sit at the foot of the last page (a second page when the first is full).
  if (doc.y + closingHeight() > bottom() && page < BULLETIN_MAX_PAGES) {
    doc.addPage();
    page += 1;
    doc.y = MARGIN;
  }
  doc.y = Math.max(doc.y + GAP, bottom() - closingHeight() + GAP);
  for (const block of closing) {
    const h = blockHeight(doc, block, width);
    const top = doc.y;
    doc.roundedRect(MARGIN, top, width, h, 6).lineWidth(1).strokeColor(brand).stroke();
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#111111');
    doc.text(block.title, MARGIN + 10, top + 8, { width: width - 20 });
    doc.font('Helvetica').fontSize(10.5);
    for (const line of block.lines) doc.text(line, { width: width - 20 });
    doc.y = top + h + GAP * 2;
  }

  const printed = `Imprimé le ${dayLong.format(c.printedAt)} ${c.printedAt.getUTCFullYear()} · Mairie de ${c.town.name}, avec Partagora`;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer stands in the bottom margin: lift the margin so pdfkit adds no page for it.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8.5).fillColor('#555555');
    doc.text(`${printed} · page ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN - 8, {
      width,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

interface Block {
  title: string;
  lines: string[];
}

function closingBlocks(c: BulletinContent): Block[] {
  return [
    {
      title: 'Rejoindre vos voisins sur Partagora',
      lines: [
        'Prêtez, donnez et échangez des objets entre voisins, recevez les alertes et l’agenda de la ville.',
        `Inscription gratuite : ${c.joinUrl}`,
        'Sans smartphone ni e-mail ? L’accueil de la mairie vous inscrit et réserve pour vous.',
      ],
    },
    {
      title: 'Besoin d’aide ? Venez à la mairie',
      lines: [`${c.townHall.name}, ${c.townHall.address}`, ...c.townHall.hours],
    },
  ];
}

function blockHeight(doc: PDFKit.PDFDocument, b: Block, width: number): number {
  const inner = width - 20;
  let h = doc.font('Helvetica-Bold').fontSize(12).heightOfString(b.title, { width: inner });
  doc.font('Helvetica').fontSize(10.5);
  for (const line of b.lines) h += doc.heightOfString(line, { width: inner });
  return h + 16;
}

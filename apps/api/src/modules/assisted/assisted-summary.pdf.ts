import PDFDocument from 'pdfkit';
import type { SummaryLoanRow } from './assisted.repository';

const WHEN = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** French dates, with the narrow/no-break spaces of `Intl` made plain (standard PDF fonts). */
const when = (d: Date) => WHEN.format(d).replace(/[\u202f\u00a0]/g, ' ');

const STATUS: Record<string, string> = {
  requested: 'demandé, en attente de réponse',
  accepted: 'réservé',
  handed_over: 'emprunté',
  overdue: 'en retard : à rapporter au plus vite',
};

/**
 * The printed summary an assisted resident takes home: their loans, pick-up and return times and
 * places, in French. Standard PDF fonts only (nothing fetched, WinAnsi text).
 */
export function assistedSummaryPdf(input: {
  displayName: string;
  townName: string;
  unreadMessages: number;
  loans: SummaryLoanRow[];
  now: Date;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Partagora' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  doc.font('Helvetica-Bold').fontSize(20).text('Partagora : votre récapitulatif');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(12).text(`${input.displayName}, ${input.townName}`);
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(`Imprimé le ${when(input.now)}`);
  doc.fillColor('#000').moveDown();

  doc.font('Helvetica-Bold').fontSize(14).text('Vos emprunts');
  doc.moveDown(0.4);
  if (input.loans.length === 0) {
    doc.font('Helvetica').fontSize(12).text("Vous n'avez pas d'emprunt en cours ni à venir.");
  }
  for (const l of input.loans) {
    doc.font('Helvetica-Bold').fontSize(12).text(l.listing_title);
    doc.font('Helvetica').fontSize(11);
    doc.text(`Prêté par : ${l.lender}`);
    doc.text(`Retrait : ${when(new Date(l.start))}`);
    doc.text(`Retour : ${when(new Date(l.end))}`);
    if (l.address) doc.text(`Lieu : ${l.address}`);
    doc.text(`État : ${STATUS[l.status] ?? l.status}`);
    if (l.deposit_note) doc.text(`Caution : ${l.deposit_note}`);
    doc.moveDown(0.6);
  }

  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text('Messages');
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(
      input.unreadMessages > 0
        ? `${input.unreadMessages} message(s) non lu(s) : l'accueil de la mairie peut vous les lire.`
        : 'Aucun message non lu.',
    );
  doc.moveDown();
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(
      "Pour réserver, rendre un objet ou répondre à un message, adressez-vous à l'accueil de la mairie.",
    );
  doc.end();
  return done;
}

import { practiceOf } from '@partagora/domain';

/** The practice's label in the reader's language (French by default); the slug if unknown. */
export function practiceLabel(slug: string, language: string): string {
  const p = practiceOf(slug);
  if (!p) return slug;
  return language.startsWith('en') ? p.label.en : p.label.fr;
}

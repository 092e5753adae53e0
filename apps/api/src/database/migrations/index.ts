import { EnableExtensions1763798400000 } from './1763798400000-EnableExtensions';
import { CreateSchema1795332509075 } from './1795332509075-CreateSchema';
import { Exchanges1795334336235 } from './1795334336235-Exchanges';
import { PublicPointPerPlace1796192861730 } from './1796192861730-PublicPointPerPlace';
import { OutboxDeadLetters1796193380868 } from './1796193380868-OutboxDeadLetters';
import { ReviewsAndBlocks1796200000000 } from './1796200000000-ReviewsAndBlocks';
import { ReportsAndModeration1796300000000 } from './1796300000000-ReportsAndModeration';
import { AccountErasure1796250000000 } from './1796250000000-AccountErasure';
import { VerificationAndAccount1796210000000 } from './1796210000000-VerificationAndAccount';
import { Organisations1796400000000 } from './1796400000000-Organisations';
import { Addresses1796430000000 } from './1796430000000-Addresses';
import { InitiativesAndNeighbourhoods1796440000000 } from './1796440000000-InitiativesAndNeighbourhoods';
import { ToolLibraryAndAssistedMode1796450000000 } from './1796450000000-ToolLibraryAndAssistedMode';
import { TownPosts1796420000000 } from './1796420000000-TownPosts';
import { Events1796410000000 } from './1796410000000-Events';
import { SearchOnTheSphere1796460000000 } from './1796460000000-SearchOnTheSphere';
import { TrigramFallback1796460000001 } from './1796460000001-TrigramFallback';

/** Migrations in order; `npm run migration:generate -- Name` appends new ones here. */
export const MIGRATIONS: Function[] = [
  EnableExtensions1763798400000,
  CreateSchema1795332509075,
  Exchanges1795334336235,
  PublicPointPerPlace1796192861730,
  OutboxDeadLetters1796193380868,
  ReviewsAndBlocks1796200000000,
  ReportsAndModeration1796300000000,
  AccountErasure1796250000000,
  VerificationAndAccount1796210000000,
  Organisations1796400000000,
  Addresses1796430000000,
  InitiativesAndNeighbourhoods1796440000000,
  ToolLibraryAndAssistedMode1796450000000,
  TownPosts1796420000000,
  Events1796410000000,
  SearchOnTheSphere1796460000000,
  TrigramFallback1796460000001,
];

import { Injectable } from '@nestjs/common';
import { DomainError, type Municipality, type MunicipalitySummary } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { type MunicipalityRef, MunicipalitiesRepository } from './municipalities.repository';

export type { MunicipalityRef };

@Injectable()
export class MunicipalitiesService {
  constructor(private readonly repo: MunicipalitiesRepository) {}

  list(): Promise<MunicipalitySummary[]> {
    return this.repo.list();
  }

  async get(slug: string): Promise<Municipality> {
    const found = await this.repo.findBySlug(slug);
    if (!found) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    return found;
  }

  /** The town's id and settings by slug; null for a town that is not a partner. */
  findRef(slug: string): Promise<MunicipalityRef | null> {
    return this.repo.findRef(slug);
  }

  /** The town's identity by slug; null for a town that is not a partner. */
  findTown(slug: string) {
    return this.repo.findTown(slug);
  }

  /** The town's identity by slug; 404 MUNICIPALITY_NOT_FOUND otherwise. */
  async town(slug: string): Promise<{ id: string; slug: string; name: string; inseeCode: string }> {
    const found = await this.repo.findTown(slug);
    if (!found) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    return found;
  }

  /** The town's settings, boundary and neighbourhoods for its archive. */
  forArchive(id: string) {
    return this.repo.forArchive(id);
  }

  neighbourhoods(id: string) {
    return this.repo.neighbourhoods(id);
  }

  /** Whether `point` lies inside the town or within `toleranceM` metres of its boundary. */
  isNear(municipalityId: string, point: LatLng, toleranceM: number): Promise<boolean> {
    return this.repo.isNear(municipalityId, point, toleranceM);
  }
}

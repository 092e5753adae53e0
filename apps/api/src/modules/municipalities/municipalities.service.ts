import { Injectable } from '@nestjs/common';
import { DomainError, type Municipality, type MunicipalitySummary } from '@partagora/domain';
import { MunicipalitiesRepository } from './municipalities.repository';

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
}

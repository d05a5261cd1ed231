// Reads the workload-cost backend with the signed-in person's token.
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ClaimPriceAnswer, EntityCost, GroupCost, TeamCosts } from './types';

export class WorkloadCostClient {
  constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  private async get<T>(
    path: string,
    query: Record<string, string>,
  ): Promise<T> {
    const base = await this.discoveryApi.getBaseUrl('workload-cost');
    const res = await this.fetchApi.fetch(
      `${base}${path}?${new URLSearchParams(query)}`,
    );
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.json();
  }

  entity(entityRef: string) {
    return this.get<EntityCost>('/entity', { entityRef });
  }

  group(entityRef: string) {
    return this.get<GroupCost>('/group', {
      entityRef,
      includeSubTeams: 'true',
    });
  }

  teams(month?: string) {
    return this.get<TeamCosts>('/teams', month ? { month } : {});
  }

  price(choice: {
    offering: string;
    tier: string;
    storageGB: number;
    multiAZ?: boolean;
  }) {
    return this.get<ClaimPriceAnswer>('/price', {
      offering: choice.offering,
      tier: choice.tier,
      storageGB: String(choice.storageGB),
      ...(choice.multiAZ ? { multiAZ: 'true' } : {}),
    });
  }
}

import type { Services } from '../services.ts';

/** Demo stakeholders (filled in with the feature). */
export async function loadDemoStakeholders(
  s: Services,
  o: {
    projectIds: readonly string[];
    directorId: string;
    managerId: string;
    enterpriseUnitId: string;
    digitalUnitId: string;
  },
): Promise<void> {
  void s;
  void o;
}

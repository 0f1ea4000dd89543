import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerCommunicationRoutes(r: RouteRegistrar, s: Services): void {
  void r;
  void s;
}

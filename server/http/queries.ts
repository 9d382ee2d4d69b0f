/** Read-only routes: snapshot, catalogue, windows. */
import type { Router } from 'express';
import type { Catalogue } from '../../shared/schemas';
import type { HallService } from '../service/hall-service';
import { queueInfo, sortedQueues } from '../domain';
import { publicSnapshot, publicWindow } from '../service/privacy';
import { actorOf } from './auth';
import { sendError } from './reply';

export function registerQueryRoutes(router: Router, service: HallService): void {
  router.get('/snapshot', (_req, res) => {
    const snapshot = service.snapshot();
    res.json(actorOf(res).kind === 'user' ? snapshot : publicSnapshot(snapshot));
  });

  // `?matters=A-01,A-02`: only those matters (the phone page lists its ticket's materials and
  // need not download a county's whole catalogue); unknown ids are left out, at most 20 are read.
  router.get('/catalogue', (req, res) => {
    const wanted = typeof req.query.matters === 'string' ? new Set(req.query.matters.split(',').slice(0, 20)) : null;
    const all = service.matters();
    const catalogue: Catalogue = {
      queues: sortedQueues(service.state()).map(queueInfo),
      matters: wanted ? all.filter((m) => wanted.has(m.id)) : all,
    };
    res.json(catalogue);
  });

  router.get('/windows/:no', (req, res) => {
    const w = service.windowView(Number(req.params.no));
    if (!w) return sendError(res, 'UNKNOWN_WINDOW', `window ${req.params.no} does not exist`);
    res.json(actorOf(res).kind === 'user' ? w : publicWindow(w, service.state().settings.windowShowsClerk === true));
  });
}

import { createAssistRepo } from './assist-repo';
import { createCareRepo } from './care-repo';
import { createCatalogueRepo } from './catalogue-repo';
import { createEventRepo } from './event-repo';
import { createHallRepo } from './hall-repo';
import { createHonorRepo } from './honor-repo';
import { migrate } from './migrate';
import { openDatabase, type Db } from './open';
import { createPhotoRepo } from './photo-repo';
import { createPrefsRepo } from './prefs-repo';
import { createStatsRepo } from './stats-repo';
import { createUserRepo } from './user-repo';

export type { Db } from './open';
export type { Commit, EventRecord, HallRepo, NewHall } from './hall-repo';
export type { UserRepo, UserRow, NewUser } from './user-repo';
export type { CatalogueRepo } from './catalogue-repo';
export type { EventRepo, AuditRow } from './event-repo';
export type { StatsRepo } from './stats-repo';
export type { AssistRepo } from './assist-repo';
export type { CareRepo } from './care-repo';
export type { PrefsRepo } from './prefs-repo';
export type { PhotoRepo, StaffPhoto } from './photo-repo';
export type { HonorRepo, HonorEntry, HonorChange } from './honor-repo';

/** The store: one database, migrated, with its typed repositories. */
export function createStore(db: Db) {
  migrate(db);
  const catalogue = createCatalogueRepo(db);
  return {
    db,
    halls: createHallRepo(db, catalogue),
    users: createUserRepo(db),
    catalogue,
    events: createEventRepo(db),
    stats: createStatsRepo(db),
    assist: createAssistRepo(db),
    prefs: createPrefsRepo(db),
    photos: createPhotoRepo(db),
    honors: createHonorRepo(db),
    care: createCareRepo(db),
    close: () => db.close(),
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}

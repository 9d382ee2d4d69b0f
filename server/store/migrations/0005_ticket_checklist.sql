-- The guide desk's materials check (导办核验) travels with the ticket: per matter, the materials
-- the citizen has (JSON GuideChecklistEntry[], shared/schemas.ts); NULL when no guide checked.
ALTER TABLE tickets ADD COLUMN checklist TEXT;

-- One GiST index on (position, category) for every nearby search, in place of
-- one on the position and one on (category, position). With both, the
-- planner costed them the same and took the category's for searches without
-- one too, whose walk then read three times the pages (a tree split by
-- category first keeps near deals apart): p50 1.8 ms against 1.4 ms at 100k
-- deals. Led by the position, the one index serves both: a search in one
-- category skips the others' deals inside the index, without reading their
-- rows (p99 2.5 ms, against 2.9 ms with the category first).
DROP INDEX IF EXISTS "Deal_category_geog_active_idx";
DROP INDEX IF EXISTS "Deal_geog_active_idx";
CREATE INDEX "Deal_geog_category_active_idx" ON "Deal" USING GIST ("geog", "category") WHERE "status" = 'ACTIVE';

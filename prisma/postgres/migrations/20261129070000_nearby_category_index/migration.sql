-- A search in one category walked the position index nearest first and
-- skipped the other categories' deals one by one: ten times the rows, and
-- the slowest searches (p99 6.4 ms against 3.1 ms without a category, at
-- 100k deals). With the category in the GiST index (btree_gist lets a GiST
-- index hold a plain column), the walk meets that category's deals only:
-- p99 2.8 ms. Searches without a category keep "Deal_geog_active_idx".
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX "Deal_category_geog_active_idx" ON "Deal" USING GIST ("category", "geog") WHERE "status" = 'ACTIVE';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "title" TEXT;


-- Orders already made were bought under their offer's current title.
UPDATE "Order" SET "title" = (SELECT "title" FROM "Deal" WHERE "Deal"."id" = "Order"."dealId");

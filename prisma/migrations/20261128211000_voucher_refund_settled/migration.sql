-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN "refundSettledAt" DATETIME;


-- Refunds settled before this column existed: their vouchers were paid back when their order was.
UPDATE "Voucher" SET "refundSettledAt" = (SELECT "refundedAt" FROM "Order" WHERE "Order"."id" = "Voucher"."orderId")
WHERE "status" = 'REFUNDED' AND "orderId" IN (SELECT "id" FROM "Order" WHERE "status" = 'REFUNDED');

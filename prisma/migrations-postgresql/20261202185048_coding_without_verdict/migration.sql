-- AlterTable
ALTER TABLE "VerdictCoding" ALTER COLUMN "verdict" DROP NOT NULL;

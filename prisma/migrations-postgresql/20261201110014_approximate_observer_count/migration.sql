-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "internationalObserverCountApproximate" BOOLEAN NOT NULL DEFAULT false;

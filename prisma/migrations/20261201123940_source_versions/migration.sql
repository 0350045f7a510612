-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "Claim" ADD COLUMN "withdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "Mission" ADD COLUMN "unsupportedAt" DATETIME;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "withdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN "firstSeenVersion" INTEGER;
ALTER TABLE "Statement" ADD COLUMN "lastSeenVersion" INTEGER;
ALTER TABLE "Statement" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "Statement" ADD COLUMN "withdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "StatementText" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "StatementText" ADD COLUMN "withdrawnAt" DATETIME;

-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "path" TEXT,
    "ingestedAt" DATETIME NOT NULL,
    "lastIngestedAt" DATETIME NOT NULL,
    "statementsNew" INTEGER NOT NULL,
    "statementsUpdated" INTEGER NOT NULL,
    "statementsUnchanged" INTEGER NOT NULL,
    "statementsRetired" INTEGER NOT NULL,
    CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatementRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "firstSeenVersion" INTEGER,
    "lastSeenVersion" INTEGER,
    "replacedAt" DATETIME NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "statementDate" TEXT,
    "kind" TEXT NOT NULL,
    "speakerName" TEXT,
    "quote" TEXT NOT NULL,
    "quoteLanguage" TEXT NOT NULL,
    "translated" BOOLEAN NOT NULL,
    "note" TEXT,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "locator" TEXT NOT NULL,
    "verdict" TEXT,
    CONSTRAINT "StatementRevision_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_number_key" ON "SourceVersion"("sourceId", "number");

-- CreateIndex
CREATE INDEX "StatementRevision_statementId_idx" ON "StatementRevision"("statementId");

-- CreateIndex
CREATE INDEX "Statement_sourceId_idx" ON "Statement"("sourceId");

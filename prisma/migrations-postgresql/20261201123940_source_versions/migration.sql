-- AlterEnum
ALTER TYPE "DecisionKind" ADD VALUE 'WITHDRAW';

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Mission" ADD COLUMN     "unsupportedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "firstSeenVersion" INTEGER,
ADD COLUMN     "lastSeenVersion" INTEGER,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StatementText" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "path" TEXT,
    "ingestedAt" TIMESTAMP(3) NOT NULL,
    "lastIngestedAt" TIMESTAMP(3) NOT NULL,
    "statementsNew" INTEGER NOT NULL,
    "statementsUpdated" INTEGER NOT NULL,
    "statementsUnchanged" INTEGER NOT NULL,
    "statementsRetired" INTEGER NOT NULL,

    CONSTRAINT "SourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementRevision" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "firstSeenVersion" INTEGER,
    "lastSeenVersion" INTEGER,
    "replacedAt" TIMESTAMP(3) NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "statementDate" TEXT,
    "kind" "StatementKind" NOT NULL,
    "speakerName" TEXT,
    "quote" TEXT NOT NULL,
    "quoteLanguage" TEXT NOT NULL,
    "translated" BOOLEAN NOT NULL,
    "note" TEXT,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "locator" TEXT NOT NULL,
    "verdict" "Verdict",

    CONSTRAINT "StatementRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_number_key" ON "SourceVersion"("sourceId", "number");

-- CreateIndex
CREATE INDEX "StatementRevision_statementId_idx" ON "StatementRevision"("statementId");

-- CreateIndex
CREATE INDEX "Statement_sourceId_idx" ON "Statement"("sourceId");

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementRevision" ADD CONSTRAINT "StatementRevision_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

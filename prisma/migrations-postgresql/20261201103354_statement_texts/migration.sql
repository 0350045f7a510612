-- CreateTable
CREATE TABLE "StatementText" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "kind" "StatementKind" NOT NULL,
    "statementDate" TEXT,
    "speakerName" TEXT,
    "quote" TEXT NOT NULL,
    "quoteLanguage" TEXT NOT NULL,
    "translated" BOOLEAN NOT NULL,
    "verdict" "Verdict",
    "note" TEXT,
    "sourceId" TEXT NOT NULL,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "locator" TEXT NOT NULL,

    CONSTRAINT "StatementText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatementText_statementId_idx" ON "StatementText"("statementId");

-- CreateIndex
CREATE INDEX "StatementText_sourceId_idx" ON "StatementText"("sourceId");

-- AddForeignKey
ALTER TABLE "StatementText" ADD CONSTRAINT "StatementText_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementText" ADD CONSTRAINT "StatementText_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VerdictCoding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "verdict" TEXT,
    "coder" TEXT NOT NULL,
    "codedBy" TEXT NOT NULL,
    "rule" TEXT,
    "confidence" REAL,
    "evidence" TEXT,
    "codedAt" DATETIME NOT NULL,
    CONSTRAINT "VerdictCoding_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_VerdictCoding" ("codedAt", "codedBy", "coder", "confidence", "evidence", "id", "rule", "statementId", "verdict") SELECT "codedAt", "codedBy", "coder", "confidence", "evidence", "id", "rule", "statementId", "verdict" FROM "VerdictCoding";
DROP TABLE "VerdictCoding";
ALTER TABLE "new_VerdictCoding" RENAME TO "VerdictCoding";
CREATE INDEX "VerdictCoding_statementId_idx" ON "VerdictCoding"("statementId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

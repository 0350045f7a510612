-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Election" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "date" TEXT,
    "datePrecision" TEXT NOT NULL,
    "description" TEXT,
    "internationalObserverCount" INTEGER,
    "internationalObserverCountApproximate" BOOLEAN NOT NULL DEFAULT false,
    "internationalObserverCountries" INTEGER,
    CONSTRAINT "Election_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Election" ("areaId", "date", "datePrecision", "description", "id", "internationalObserverCount", "internationalObserverCountries", "key", "type", "year") SELECT "areaId", "date", "datePrecision", "description", "id", "internationalObserverCount", "internationalObserverCountries", "key", "type", "year" FROM "Election";
DROP TABLE "Election";
ALTER TABLE "new_Election" RENAME TO "Election";
CREATE UNIQUE INDEX "Election_key_key" ON "Election"("key");
CREATE INDEX "Election_areaId_type_year_idx" ON "Election"("areaId", "type", "year");
CREATE INDEX "Election_year_idx" ON "Election"("year");
CREATE INDEX "Election_type_idx" ON "Election"("type");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

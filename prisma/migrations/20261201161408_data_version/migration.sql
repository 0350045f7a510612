-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" BIGINT NOT NULL
);

-- The one row. SQLite's own change marker (PRAGMA data_version) is what readers use there.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, and what moves it: every statement that writes to any other table of the read
-- model. The trigger runs before the statement touches a row, so a writing transaction takes the
-- row's lock before any other: writers queue there (as SQLite's do) and cannot deadlock on it.
-- Readers see the new version exactly when the transaction's rows become visible, at its commit.
-- A table added by a later migration gets the same trigger there (a test checks none lacks it).
-- (The migration runner splits scripts at every semicolon: the function's body spells its own as \073.)
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- Its own search path: a restore script empties the session's, and the trigger still finds the row.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT
AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END';

CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SourceVersion" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Claim" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrganizationName" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Area" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Alias" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Election" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ElectionRound" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Mission" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Membership" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Statement" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatementRevision" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatementText" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "VerdictCoding" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Event" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "EventParticipant" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Decision" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiToken" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ElectionBody" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoundBody" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

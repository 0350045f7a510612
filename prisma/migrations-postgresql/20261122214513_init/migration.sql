-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('ARTICLE', 'WEB_PAGE', 'DATASET', 'CURATION');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('NGO', 'INTERGOVERNMENTAL', 'PARLIAMENTARY_ASSEMBLY', 'ELECTION_COMMISSION', 'AD_HOC_MISSION', 'PROFESSIONAL_ASSOCIATION', 'PARLIAMENT', 'DELEGATION', 'GOVERNMENT_BODY', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('COUNTRY', 'DE_FACTO_STATE', 'REGION', 'CITY');

-- CreateEnum
CREATE TYPE "ElectionType" AS ENUM ('PRESIDENTIAL', 'PARLIAMENTARY', 'REFERENDUM', 'MAYORAL', 'MUNICIPAL', 'REGIONAL');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('YEAR', 'MONTH', 'DAY');

-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('FIRST', 'SECOND', 'RERUN');

-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('PRELIMINARY', 'FINAL', 'PRESS', 'INTERVIEW', 'DECLINED');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('ENDORSED', 'LARGELY_POSITIVE', 'MIXED', 'CRITICAL', 'CONDEMNED', 'NOT_OBSERVED');

-- CreateEnum
CREATE TYPE "CoderKind" AS ENUM ('SOURCE', 'HUMAN', 'RULE');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('CONFERENCE', 'ROUND_TABLE', 'MEETING', 'FORUM', 'SCHOOL', 'ARREST', 'DEPORTATION', 'CRISIS', 'SIGNING', 'PRESS_CENTRE', 'OTHER');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('SAME', 'NOT_SAME', 'ALIAS');

-- CreateEnum
CREATE TYPE "TokenRole" AS ENUM ('EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "url" TEXT,
    "path" TEXT,
    "sha256" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "property" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "locator" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "description" TEXT,
    "parentId" TEXT,
    "areaId" TEXT,
    "mergedIntoId" TEXT,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationName" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" TEXT,
    "validUntil" TEXT,

    CONSTRAINT "OrganizationName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "isoCode" TEXT,
    "parentId" TEXT,
    "claimedById" TEXT,
    "mergedIntoId" TEXT,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "birthYear" INTEGER,
    "summary" TEXT,
    "mergedIntoId" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alias" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "organizationId" TEXT,
    "areaId" TEXT,
    "personId" TEXT,
    "origin" TEXT NOT NULL,
    "sourceId" TEXT,

    CONSTRAINT "Alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Election" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "type" "ElectionType" NOT NULL,
    "year" INTEGER NOT NULL,
    "date" TEXT,
    "datePrecision" "DatePrecision" NOT NULL,
    "description" TEXT,
    "internationalObserverCount" INTEGER,
    "internationalObserverCountries" INTEGER,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionRound" (
    "id" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "round" "RoundKind" NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "date" TEXT,

    CONSTRAINT "ElectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mission" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "headId" TEXT,
    "observerCount" INTEGER,
    "observerCountApproximate" BOOLEAN NOT NULL DEFAULT false,
    "countryCount" INTEGER,
    "startDate" TEXT,
    "endDate" TEXT,

    CONSTRAINT "Mission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "organizationId" TEXT,
    "missionId" TEXT,
    "role" TEXT NOT NULL,
    "label" TEXT,
    "onBehalfOfId" TEXT,
    "onBehalfOfOrganizationId" TEXT,
    "startDate" TEXT,
    "endDate" TEXT,
    "asOf" TEXT,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "statementDate" TEXT,
    "kind" "StatementKind" NOT NULL,
    "speakerName" TEXT,
    "speakerId" TEXT,
    "quote" TEXT NOT NULL,
    "quoteLanguage" TEXT NOT NULL,
    "translated" BOOLEAN NOT NULL,
    "note" TEXT,
    "sourceId" TEXT NOT NULL,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "locator" TEXT NOT NULL,
    "verdict" "Verdict",
    "verdictScore" INTEGER,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerdictCoding" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "coder" "CoderKind" NOT NULL,
    "codedBy" TEXT NOT NULL,
    "rule" TEXT,
    "confidence" DOUBLE PRECISION,
    "evidence" TEXT,
    "codedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerdictCoding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "areaId" TEXT,
    "venue" TEXT,
    "year" INTEGER,
    "date" TEXT,
    "datePrecision" "DatePrecision",
    "endDate" TEXT,
    "description" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "organizationId" TEXT,
    "personId" TEXT,
    "role" TEXT NOT NULL,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "entityType" TEXT NOT NULL,
    "leftKey" TEXT NOT NULL,
    "rightKey" TEXT,
    "value" TEXT,
    "note" TEXT,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "TokenRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "note" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "Claim_entityType_entityId_idx" ON "Claim"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Claim_entityType_property_idx" ON "Claim"("entityType", "property");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_sourceId_entityType_entityId_property_locator_key" ON "Claim"("sourceId", "entityType", "entityId", "property", "locator");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_key_key" ON "Organization"("key");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationName_organizationId_name_key" ON "OrganizationName"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Area_key_key" ON "Area"("key");

-- CreateIndex
CREATE INDEX "Area_kind_idx" ON "Area"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Person_key_key" ON "Person"("key");

-- CreateIndex
CREATE INDEX "Alias_normalized_idx" ON "Alias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "Alias_normalized_organizationId_areaId_personId_key" ON "Alias"("normalized", "organizationId", "areaId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Election_key_key" ON "Election"("key");

-- CreateIndex
CREATE INDEX "Election_year_idx" ON "Election"("year");

-- CreateIndex
CREATE INDEX "Election_type_idx" ON "Election"("type");

-- CreateIndex
CREATE UNIQUE INDEX "Election_areaId_type_year_key" ON "Election"("areaId", "type", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionRound_electionId_round_key" ON "ElectionRound"("electionId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Mission_organizationId_electionId_key" ON "Mission"("organizationId", "electionId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_key_key" ON "Membership"("key");

-- CreateIndex
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_fingerprint_key" ON "Statement"("fingerprint");

-- CreateIndex
CREATE INDEX "Statement_organizationId_idx" ON "Statement"("organizationId");

-- CreateIndex
CREATE INDEX "Statement_roundId_idx" ON "Statement"("roundId");

-- CreateIndex
CREATE INDEX "Statement_verdict_idx" ON "Statement"("verdict");

-- CreateIndex
CREATE INDEX "VerdictCoding_statementId_idx" ON "VerdictCoding"("statementId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_key_key" ON "Event"("key");

-- CreateIndex
CREATE INDEX "Event_year_idx" ON "Event"("year");

-- CreateIndex
CREATE UNIQUE INDEX "EventParticipant_eventId_organizationId_personId_role_key" ON "EventParticipant"("eventId", "organizationId", "personId", "role");

-- CreateIndex
CREATE INDEX "Decision_entityType_leftKey_idx" ON "Decision"("entityType", "leftKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_name_key" ON "ApiToken"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationName" ADD CONSTRAINT "OrganizationName_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alias" ADD CONSTRAINT "Alias_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alias" ADD CONSTRAINT "Alias_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alias" ADD CONSTRAINT "Alias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionRound" ADD CONSTRAINT "ElectionRound_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_onBehalfOfOrganizationId_fkey" FOREIGN KEY ("onBehalfOfOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ElectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictCoding" ADD CONSTRAINT "VerdictCoding_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

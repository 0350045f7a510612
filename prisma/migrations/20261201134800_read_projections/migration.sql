-- CreateTable
CREATE TABLE "ElectionBody" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "observer" BOOLEAN NOT NULL,
    "observedByStatement" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "RoundBody" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "organizationId" TEXT NOT NULL,
    "statementIds" TEXT NOT NULL,
    "headlineId" TEXT,
    "verdict" TEXT,
    "score" INTEGER
);

-- CreateIndex
CREATE INDEX "ElectionBody_electionId_idx" ON "ElectionBody"("electionId");

-- CreateIndex
CREATE INDEX "ElectionBody_organizationId_electionId_idx" ON "ElectionBody"("organizationId", "electionId");

-- CreateIndex
CREATE INDEX "RoundBody_electionId_idx" ON "RoundBody"("electionId");

-- CreateIndex
CREATE INDEX "RoundBody_roundId_organizationId_idx" ON "RoundBody"("roundId", "organizationId");

-- CreateIndex
CREATE INDEX "RoundBody_organizationId_electionId_idx" ON "RoundBody"("organizationId", "electionId");

-- CreateIndex
CREATE INDEX "Alias_organizationId_idx" ON "Alias"("organizationId");

-- CreateIndex
CREATE INDEX "Alias_areaId_idx" ON "Alias"("areaId");

-- CreateIndex
CREATE INDEX "Alias_personId_idx" ON "Alias"("personId");

-- CreateIndex
CREATE INDEX "Area_parentId_idx" ON "Area"("parentId");

-- CreateIndex
CREATE INDEX "Area_claimedById_idx" ON "Area"("claimedById");

-- CreateIndex
CREATE INDEX "Event_areaId_idx" ON "Event"("areaId");

-- CreateIndex
CREATE INDEX "EventParticipant_organizationId_idx" ON "EventParticipant"("organizationId");

-- CreateIndex
CREATE INDEX "EventParticipant_personId_idx" ON "EventParticipant"("personId");

-- CreateIndex
CREATE INDEX "Membership_missionId_idx" ON "Membership"("missionId");

-- CreateIndex
CREATE INDEX "Membership_onBehalfOfId_idx" ON "Membership"("onBehalfOfId");

-- CreateIndex
CREATE INDEX "Membership_onBehalfOfOrganizationId_idx" ON "Membership"("onBehalfOfOrganizationId");

-- CreateIndex
CREATE INDEX "Mission_electionId_idx" ON "Mission"("electionId");

-- CreateIndex
CREATE INDEX "Mission_headId_idx" ON "Mission"("headId");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_areaId_idx" ON "Organization"("areaId");

-- CreateIndex
CREATE INDEX "Statement_speakerId_idx" ON "Statement"("speakerId");

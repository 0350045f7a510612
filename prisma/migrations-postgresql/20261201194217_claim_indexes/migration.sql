-- DropIndex
DROP INDEX "Claim_entityType_property_idx";

-- DropIndex
DROP INDEX "Claim_sourceId_entityType_entityId_property_locator_key";

-- CreateIndex
CREATE INDEX "Claim_sourceId_locator_idx" ON "Claim"("sourceId", "locator");

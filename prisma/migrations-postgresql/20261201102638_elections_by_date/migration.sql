-- DropIndex
DROP INDEX "Election_areaId_type_year_key";

-- CreateIndex
CREATE INDEX "Election_areaId_type_year_idx" ON "Election"("areaId", "type", "year");

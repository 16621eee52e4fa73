-- AlterTable
ALTER TABLE "KpiDefinition" ADD COLUMN     "maxValue" DOUBLE PRECISION,
ADD COLUMN     "minValue" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "MetricHeadline" (
    "metricKey" TEXT NOT NULL,
    "headline" BOOLEAN NOT NULL,
    "chosenById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MetricHeadline_pkey" PRIMARY KEY ("metricKey")
);

-- AddForeignKey
ALTER TABLE "MetricHeadline" ADD CONSTRAINT "MetricHeadline_chosenById_fkey" FOREIGN KEY ("chosenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

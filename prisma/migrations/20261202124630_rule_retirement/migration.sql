-- AlterTable
ALTER TABLE "ClassificationRule" ADD COLUMN     "retires" BOOLEAN NOT NULL DEFAULT false;

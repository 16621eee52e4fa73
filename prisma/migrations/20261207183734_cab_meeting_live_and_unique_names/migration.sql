-- AlterTable
ALTER TABLE "CabAgendaItem" ADD COLUMN     "carriedToId" UUID;

-- AlterTable
ALTER TABLE "CabMeeting" ADD COLUMN     "pastRecord" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrganizationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "CabAgendaItem" ADD CONSTRAINT "CabAgendaItem_carriedToId_fkey" FOREIGN KEY ("carriedToId") REFERENCES "CabMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One organization-wide row of settings, the single-row rule is a check, not a convention.
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_single_row" CHECK ("id" = 1);
INSERT INTO "OrganizationSettings" ("id", "timeZone", "updatedAt") VALUES (1, 'UTC', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

-- Names are unique whatever their case. Earlier duplicates (the same name typed twice) keep the
-- oldest as it was, each later one gets a visible " (duplicate N)" suffix, so nothing is lost and
-- people can rename them. Expression indexes are outside Prisma's schema language, hence raw SQL.
WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY lower("name") ORDER BY "createdAt", "id") AS n FROM "ProtectSurface"
)
UPDATE "ProtectSurface" AS s SET "name" = s."name" || ' (duplicate ' || (ranked.n - 1) || ')'
FROM ranked WHERE ranked."id" = s."id" AND ranked.n > 1;
CREATE UNIQUE INDEX "ProtectSurface_name_lower_key" ON "ProtectSurface" (lower("name"));

WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY lower("name") ORDER BY "createdAt", "id") AS n FROM "ChangeTemplate"
)
UPDATE "ChangeTemplate" AS t SET "name" = t."name" || ' (duplicate ' || (ranked.n - 1) || ')'
FROM ranked WHERE ranked."id" = t."id" AND ranked.n > 1;
CREATE UNIQUE INDEX "ChangeTemplate_name_lower_key" ON "ChangeTemplate" (lower("name"));

WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY lower("title") ORDER BY "createdAt", "id") AS n FROM "CabMeeting"
)
UPDATE "CabMeeting" AS m SET "title" = m."title" || ' (duplicate ' || (ranked.n - 1) || ')'
FROM ranked WHERE ranked."id" = m."id" AND ranked.n > 1;
CREATE UNIQUE INDEX "CabMeeting_title_lower_key" ON "CabMeeting" (lower("title"));

-- A classification rule keeps its name across its revisions (one ruleKey, many rows), so a plain
-- unique index cannot say "no other rule": a trigger does, under a per-name transaction lock so two
-- concurrent proposals cannot both pass, and raises the unique-violation code a unique index would.
-- Retired rules free their name. Earlier duplicates among live rules are renamed as above.
WITH keys AS (
  SELECT "ruleKey", lower(min("name")) AS lname, min("createdAt") AS first FROM "ClassificationRule"
  WHERE "status" <> 'RETIRED' GROUP BY "ruleKey"
), ranked AS (
  SELECT "ruleKey", row_number() OVER (PARTITION BY lname ORDER BY first, "ruleKey") AS n FROM keys
)
UPDATE "ClassificationRule" AS r SET "name" = r."name" || ' (duplicate ' || (ranked.n - 1) || ')'
FROM ranked WHERE ranked."ruleKey" = r."ruleKey" AND ranked.n > 1;

-- The body is an E'' string with \x3B for its semicolons: the migration runner splits scripts at every literal one.
CREATE FUNCTION "concord_rule_name_unique"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."status" = ''RETIRED'' THEN RETURN NEW\x3B END IF\x3B PERFORM pg_advisory_xact_lock(hashtext(''concord_rule_name:'' || lower(NEW."name")))\x3B IF EXISTS (SELECT 1 FROM "ClassificationRule" WHERE lower("name") = lower(NEW."name") AND "ruleKey" <> NEW."ruleKey" AND "status" <> ''RETIRED'') THEN RAISE EXCEPTION ''A classification rule named % already exists'', NEW."name" USING ERRCODE = ''unique_violation'', CONSTRAINT = ''ClassificationRule_name_lower_key''\x3B END IF\x3B RETURN NEW\x3B END\x3B';

CREATE TRIGGER "ClassificationRule_name_unique"
  BEFORE INSERT OR UPDATE OF "name", "status" ON "ClassificationRule"
  FOR EACH ROW EXECUTE FUNCTION "concord_rule_name_unique"();

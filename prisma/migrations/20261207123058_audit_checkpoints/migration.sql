-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "eventCount" BIGINT NOT NULL,
    "headId" BIGINT,
    "headHash" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- Checkpoints are append-only like the events they anchor. The function body is an E'' string with
-- \x3B for its semicolons: the Postgres adapter splits a migration at every literal semicolon.
CREATE FUNCTION concord_refuse_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''AuditCheckpoint is append-only: % is refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END\x3B';

CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_checkpoint_change();

CREATE TRIGGER "AuditCheckpoint_no_truncate" BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_refuse_checkpoint_change();

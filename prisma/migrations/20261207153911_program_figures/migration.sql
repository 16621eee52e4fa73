-- CreateTable
CREATE TABLE "ProgramWrite" (
    "xid" BIGINT NOT NULL,

    CONSTRAINT "ProgramWrite_pkey" PRIMARY KEY ("xid")
);

-- CreateTable
CREATE TABLE "ProgramFigures" (
    "id" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "snapshotXmax" BIGINT NOT NULL,
    "figures" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramFigures_pkey" PRIMARY KEY ("id")
);

-- Every statement that writes a table the program figures read notes its transaction once. A reader
-- compares these with the snapshot the stored figures were computed from: a noted transaction that
-- snapshot could not see means the figures are stale. Inserting one row per transaction takes no lock
-- that another writer waits for.
-- The body is an E'' string with \x3B for its semicolons: the migration runner splits scripts at every literal one.
CREATE FUNCTION "concord_note_program_write"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "ProgramWrite" ("xid") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING\x3B RETURN NULL\x3B END\x3B';

CREATE TRIGGER "ProtectSurface_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProtectSurface" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "FlowMap_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FlowMap" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "FlowNode_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FlowNode" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "FlowEdge_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FlowEdge" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "SurfaceSignOff_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurfaceSignOff" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "Change_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Change" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "ChangeApproval_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ChangeApproval" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
CREATE TRIGGER "ChangeTransition_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ChangeTransition" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();

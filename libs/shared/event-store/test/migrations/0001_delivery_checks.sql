CREATE TABLE "es_test"."event_applications" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"applications" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "es_test"."outbox" ADD COLUMN "stream_sequence" bigint;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "es_test"."outbox" USING btree ("stream_sequence");
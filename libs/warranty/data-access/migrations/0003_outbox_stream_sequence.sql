ALTER TABLE "warranty"."outbox" ADD COLUMN "stream_sequence" bigint;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "warranty"."outbox" USING btree ("stream_sequence");
CREATE SCHEMA IF NOT EXISTS "bus";
--> statement-breakpoint
CREATE TABLE "bus"."consumers" (
	"durable" text PRIMARY KEY NOT NULL,
	"stream" text NOT NULL,
	"acked_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bus"."messages" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bus"."messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stream" text NOT NULL,
	"subject" text NOT NULL,
	"message_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "messages_stream_message_id_idx" ON "bus"."messages" USING btree ("stream","message_id");
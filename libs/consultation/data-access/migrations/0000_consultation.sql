CREATE SCHEMA IF NOT EXISTS "consultation";
--> statement-breakpoint
CREATE TABLE "consultation"."consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"sn" text NOT NULL,
	"model" text NOT NULL,
	"warranty_ends_on" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"agent_id" uuid,
	"diagnosis_code" text,
	"opened_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"last_message" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"unread_by_customer" integer DEFAULT 0 NOT NULL,
	"unread_by_agent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consultations_number_unique" UNIQUE("number"),
	CONSTRAINT "consultations_diagnosis_code_unique" UNIQUE("diagnosis_code")
);
--> statement-breakpoint
CREATE TABLE "consultation"."events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation"."events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"stream_id" text NOT NULL,
	"version" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_event_id_unique" UNIQUE("event_id"),
	CONSTRAINT "events_stream_version_unique" UNIQUE("stream_id","version")
);
--> statement-breakpoint
CREATE TABLE "consultation"."messages" (
	"consultation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"message_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text,
	"attachments" jsonb NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_consultation_id_seq_pk" PRIMARY KEY("consultation_id","seq"),
	CONSTRAINT "messages_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "consultation"."outbox" (
	"position" bigint PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone,
	"stream_sequence" bigint
);
--> statement-breakpoint
CREATE TABLE "consultation"."outbox_relay" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "consultation"."projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"transaction_id" "xid8" NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation"."streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consultations_customer_idx" ON "consultation"."consultations" USING btree ("customer_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "consultations_queue_idx" ON "consultation"."consultations" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "events_transaction_position_idx" ON "consultation"."events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "consultation"."outbox" USING btree ("position") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "consultation"."outbox" USING btree ("stream_sequence");
CREATE TABLE "identity"."audit_entries" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."deactivated_repair_points" (
	"repair_point_id" text PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "identity"."events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "identity"."outbox" (
	"position" bigint PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone,
	"stream_sequence" bigint
);
--> statement-breakpoint
CREATE TABLE "identity"."outbox_relay" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "identity"."projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"transaction_id" "xid8" NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "identity"."audit_entries" USING btree ("at" DESC NULLS LAST,"event_id");--> statement-breakpoint
CREATE INDEX "events_transaction_position_idx" ON "identity"."events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "identity"."outbox" USING btree ("position") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "identity"."outbox" USING btree ("stream_sequence");--> statement-breakpoint
CREATE INDEX "sign_in_failures_failed_at_idx" ON "identity"."sign_in_failures" USING btree ("failed_at");
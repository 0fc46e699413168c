CREATE SCHEMA IF NOT EXISTS "logistics";
--> statement-breakpoint
CREATE TABLE "logistics"."carriers" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"pattern" text NOT NULL,
	"check_digit" text,
	"tracking_url" text NOT NULL,
	"aftership_slug" text,
	"active" boolean NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."checkpoints" (
	"shipment_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" text,
	"description" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "checkpoints_shipment_id_checkpoint_id_pk" PRIMARY KEY("shipment_id","checkpoint_id")
);
--> statement-breakpoint
CREATE TABLE "logistics"."events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "logistics"."events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "logistics"."outbox" (
	"position" bigint PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone,
	"stream_sequence" bigint
);
--> statement-breakpoint
CREATE TABLE "logistics"."outbox_relay" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "logistics"."projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"transaction_id" "xid8" NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"repair_order_id" uuid NOT NULL,
	"diagnosis_code" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"repair_point_id" text NOT NULL,
	"device_order_nos" jsonb NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text NOT NULL,
	"latest_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE INDEX "events_transaction_position_idx" ON "logistics"."events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "logistics"."outbox" USING btree ("position") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "logistics"."outbox" USING btree ("stream_sequence");--> statement-breakpoint
CREATE INDEX "shipments_number_idx" ON "logistics"."shipments" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "logistics"."shipments" USING btree ("diagnosis_code");
CREATE SCHEMA IF NOT EXISTS "repair-orders";
--> statement-breakpoint
CREATE TABLE "repair-orders"."device_lines" (
	"device_order_no" text PRIMARY KEY NOT NULL,
	"repair_order_id" uuid NOT NULL,
	"sn" text NOT NULL,
	"model" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "repair-orders"."events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "repair-orders"."outbox" (
	"position" bigint PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone,
	"stream_sequence" bigint
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."outbox_relay" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"transaction_id" "xid8" NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."repair_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"diagnosis_code" text NOT NULL,
	"consultation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "repair_orders_diagnosis_code_unique" UNIQUE("diagnosis_code")
);
--> statement-breakpoint
CREATE TABLE "repair-orders"."streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "device_lines_order_idx" ON "repair-orders"."device_lines" USING btree ("repair_order_id");--> statement-breakpoint
CREATE INDEX "events_transaction_position_idx" ON "repair-orders"."events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "repair-orders"."outbox" USING btree ("position") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "outbox_stream_sequence_idx" ON "repair-orders"."outbox" USING btree ("stream_sequence");--> statement-breakpoint
CREATE INDEX "repair_orders_customer_idx" ON "repair-orders"."repair_orders" USING btree ("customer_id","opened_at");
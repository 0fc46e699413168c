CREATE SCHEMA IF NOT EXISTS "warranty";
--> statement-breakpoint
CREATE TABLE "warranty"."device_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warranty"."device_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sn" text NOT NULL,
	"import_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."device_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"status" text NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "warranty"."devices" (
	"sn" text PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"shipped_on" date NOT NULL,
	"customer_ref" text,
	"order_ref" text,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warranty"."events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "warranty"."import_rejections" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "import_rejections_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "warranty"."import_seen" (
	"import_id" uuid NOT NULL,
	"sn" text NOT NULL,
	"line" integer NOT NULL,
	CONSTRAINT "import_seen_import_id_sn_pk" PRIMARY KEY("import_id","sn")
);
--> statement-breakpoint
CREATE TABLE "warranty"."outbox" (
	"position" bigint PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "warranty"."outbox_relay" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "warranty"."projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"transaction_id" "xid8" NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."repair_points" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	"contact" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity_per_week" integer,
	"active" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."warranty_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sn" text NOT NULL,
	"months" integer NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warranty"."warranty_policies" (
	"model" text PRIMARY KEY NOT NULL,
	"months" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warranty"."warranty_extensions" ADD CONSTRAINT "warranty_extensions_sn_devices_sn_fk" FOREIGN KEY ("sn") REFERENCES "warranty"."devices"("sn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_history_sn_idx" ON "warranty"."device_history" USING btree ("sn");--> statement-breakpoint
CREATE INDEX "events_transaction_position_idx" ON "warranty"."events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "warranty"."outbox" USING btree ("position") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "repair_points_kind_country_idx" ON "warranty"."repair_points" USING btree ("kind","country");--> statement-breakpoint
CREATE INDEX "warranty_extensions_sn_idx" ON "warranty"."warranty_extensions" USING btree ("sn");
CREATE TABLE "repair-orders"."timeline" (
	"repair_order_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"device_order_nos" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "timeline_repair_order_id_seq_pk" PRIMARY KEY("repair_order_id","seq")
);
--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "fault" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "receipt_note" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "return_carrier" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "return_tracking_number" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."device_lines" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "repair_point_id" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "outbound_carrier" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "outbound_tracking_number" text;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "outbound_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "repair-orders"."repair_orders" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "device_lines_sn_idx" ON "repair-orders"."device_lines" USING btree ("sn");--> statement-breakpoint
CREATE INDEX "repair_orders_point_idx" ON "repair-orders"."repair_orders" USING btree ("repair_point_id","status");
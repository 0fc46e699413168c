CREATE SCHEMA IF NOT EXISTS "warranty";
--> statement-breakpoint
CREATE TABLE "warranty"."devices" (
	"sn" text PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"shipped_on" date NOT NULL,
	"warranty_ends_on" date NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);

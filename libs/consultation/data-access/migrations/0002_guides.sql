-- The guides' search index looks terms up by trigram (see src/schema.ts, guideTerms); trusted since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "consultation"."guide_feedback" (
	"guide_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guide_feedback_guide_id_customer_id_pk" PRIMARY KEY("guide_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "consultation"."guide_terms" (
	"guide_id" uuid NOT NULL,
	"term" text NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "guide_terms_guide_id_term_pk" PRIMARY KEY("guide_id","term")
);
--> statement-breakpoint
CREATE TABLE "consultation"."guide_versions" (
	"guide_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"fields" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "guide_versions_guide_id_version_pk" PRIMARY KEY("guide_id","version")
);
--> statement-breakpoint
CREATE TABLE "consultation"."guides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published" jsonb,
	"excerpt" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "guide_terms_term_idx" ON "consultation"."guide_terms" USING btree ("term");--> statement-breakpoint
CREATE INDEX "guide_terms_trigram_idx" ON "consultation"."guide_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "guides_status_idx" ON "consultation"."guides" USING btree ("status","published_at");
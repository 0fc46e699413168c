CREATE TABLE "warranty"."import_staged_rows" (
	"import_id" uuid NOT NULL,
	"sn" text NOT NULL,
	"line" integer NOT NULL,
	"model" text NOT NULL,
	"shipped_on" date NOT NULL,
	"customer_ref" text,
	"order_ref" text,
	CONSTRAINT "import_staged_rows_import_id_sn_pk" PRIMARY KEY("import_id","sn")
);
--> statement-breakpoint
DROP TABLE "warranty"."import_seen" CASCADE;
CREATE TABLE `face_imports` (
	`source` text NOT NULL,
	`photo_hash` text NOT NULL,
	`region_key` text NOT NULL,
	`face_id` integer NOT NULL,
	`origin` text NOT NULL,
	CONSTRAINT `face_imports_pk` PRIMARY KEY(`source`, `photo_hash`, `region_key`)
);
--> statement-breakpoint
CREATE TABLE `xmp_sources` (
	`path` text PRIMARY KEY,
	`photo_hash` text NOT NULL,
	`sidecars` text NOT NULL,
	`regions` integer DEFAULT 0 NOT NULL,
	`error` text,
	`imported_run` integer
);
--> statement-breakpoint
CREATE INDEX `face_imports_origin_idx` ON `face_imports` (`origin`);
CREATE TABLE `album_photos` (
	`album_id` integer NOT NULL,
	`photo_hash` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`picasa_ini_path` text,
	CONSTRAINT `album_photos_pk` PRIMARY KEY(`album_id`, `photo_hash`),
	CONSTRAINT `fk_album_photos_album_id_albums_id_fk` FOREIGN KEY (`album_id`) REFERENCES `albums`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_album_photos_photo_hash_photos_hash_fk` FOREIGN KEY (`photo_hash`) REFERENCES `photos`(`hash`)
);
--> statement-breakpoint
CREATE TABLE `albums` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`external_key` text,
	`created_at` text
);
--> statement-breakpoint
CREATE TABLE `picasa_ini_files` (
	`path` text PRIMARY KEY,
	`content_hash` text NOT NULL,
	`fingerprint` text NOT NULL,
	`imported_run` integer,
	`unparsed_lines` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `picasa_ini_photos` (
	`ini_path` text NOT NULL,
	`file_name` text NOT NULL,
	`photo_hash` text,
	`starred` integer DEFAULT false NOT NULL,
	CONSTRAINT `picasa_ini_photos_pk` PRIMARY KEY(`ini_path`, `file_name`),
	CONSTRAINT `fk_picasa_ini_photos_ini_path_picasa_ini_files_path_fk` FOREIGN KEY (`ini_path`) REFERENCES `picasa_ini_files`(`path`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `contents` (
	`hash` text PRIMARY KEY,
	`size` integer NOT NULL,
	`kind` text NOT NULL,
	`first_seen_run` integer
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`root_id` integer NOT NULL,
	`path` text NOT NULL UNIQUE,
	`content_hash` text,
	`size` integer NOT NULL,
	`mtime_ms` real NOT NULL,
	`inode` integer NOT NULL,
	`status` text DEFAULT 'present' NOT NULL,
	`first_seen_run` integer NOT NULL,
	`last_seen_run` integer NOT NULL,
	`removed_run` integer,
	CONSTRAINT `fk_files_root_id_roots_id_fk` FOREIGN KEY (`root_id`) REFERENCES `roots`(`id`),
	CONSTRAINT `fk_files_content_hash_contents_hash_fk` FOREIGN KEY (`content_hash`) REFERENCES `contents`(`hash`)
);
--> statement-breakpoint
CREATE TABLE `roots` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`path` text NOT NULL UNIQUE,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_indexed_run` integer
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`command` text DEFAULT 'index' NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text DEFAULT 'running' NOT NULL,
	`pid` integer,
	`report` text
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`centroid` blob,
	`size` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text,
	`action` text NOT NULL,
	`payload` text,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `face_projections` (
	`face_id` integer PRIMARY KEY,
	`metric` text NOT NULL,
	`vector` blob NOT NULL,
	`norm` real,
	CONSTRAINT `fk_face_projections_face_id_faces_id_fk` FOREIGN KEY (`face_id`) REFERENCES `faces`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `face_rejections` (
	`face_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT `face_rejections_pk` PRIMARY KEY(`face_id`, `person_id`),
	CONSTRAINT `fk_face_rejections_face_id_faces_id_fk` FOREIGN KEY (`face_id`) REFERENCES `faces`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_face_rejections_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`)
);
--> statement-breakpoint
CREATE TABLE `faces` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`photo_hash` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`w` real NOT NULL,
	`h` real NOT NULL,
	`score` real,
	`landmarks` blob,
	`descriptor` blob,
	`source` text NOT NULL,
	`pipeline` text,
	`person_id` integer,
	`state` text DEFAULT 'unassigned' NOT NULL,
	`cluster_id` integer,
	`suggestion_distance` real,
	`picasa_contact_id` text,
	`picasa_ini_path` text,
	`edited_by_user` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT `fk_faces_photo_hash_photos_hash_fk` FOREIGN KEY (`photo_hash`) REFERENCES `photos`(`hash`),
	CONSTRAINT `fk_faces_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`),
	CONSTRAINT `fk_faces_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`)
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`name` text UNIQUE,
	`hidden` integer DEFAULT false NOT NULL,
	`cover_face_id` integer,
	`picasa_contact_id` text UNIQUE,
	`merged_into` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `photos` (
	`hash` text PRIMARY KEY,
	`width` integer,
	`height` integer,
	`orientation` integer,
	`taken_at_raw` text,
	`taken_at` text,
	`gps_lat` real,
	`gps_lon` real,
	`camera_make` text,
	`camera_model` text,
	`starred` integer DEFAULT false NOT NULL,
	`faces_pipeline` text,
	`faces_error` text,
	`faces_error_pipeline` text,
	CONSTRAINT `fk_photos_hash_contents_hash_fk` FOREIGN KEY (`hash`) REFERENCES `contents`(`hash`)
);
--> statement-breakpoint
CREATE TABLE `person_prototypes` (
	`person_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`vector` blob NOT NULL,
	`confirmed_count` integer NOT NULL,
	`last_confirmed_face_id` integer NOT NULL,
	CONSTRAINT `person_prototypes_pk` PRIMARY KEY(`person_id`, `idx`),
	CONSTRAINT `fk_person_prototypes_person_id_people_id_fk` FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `recognition_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`mode` text NOT NULL,
	`version` text NOT NULL,
	`last_face_id` integer NOT NULL,
	`faces` integer NOT NULL,
	`suggested` integer NOT NULL,
	`grouped` integer NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ms` integer
);
--> statement-breakpoint
CREATE INDEX `album_photos_photo_idx` ON `album_photos` (`photo_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `albums_key_idx` ON `albums` (`source`,`external_key`);--> statement-breakpoint
CREATE INDEX `picasa_ini_photos_hash_idx` ON `picasa_ini_photos` (`photo_hash`);--> statement-breakpoint
CREATE INDEX `files_content_idx` ON `files` (`content_hash`,`status`);--> statement-breakpoint
CREATE INDEX `files_root_status_idx` ON `files` (`root_id`,`status`);--> statement-breakpoint
CREATE INDEX `faces_photo_idx` ON `faces` (`photo_hash`);--> statement-breakpoint
CREATE INDEX `faces_person_idx` ON `faces` (`person_id`,`state`,`photo_hash`);--> statement-breakpoint
CREATE INDEX `faces_cluster_idx` ON `faces` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `faces_picasa_ini_idx` ON `faces` (`picasa_ini_path`);--> statement-breakpoint
CREATE INDEX `photos_taken_idx` ON `photos` (`taken_at`);--> statement-breakpoint
CREATE INDEX `photos_pipeline_idx` ON `photos` (`faces_pipeline`);
CREATE TABLE `screening` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_version` text NOT NULL,
	`machine_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`answers` text NOT NULL,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`saved_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `screening_updated` ON `screening` (`status`,`updated_at`);
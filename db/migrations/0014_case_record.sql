CREATE TABLE `case_member` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`person_id` text NOT NULL,
	`relation` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case_record`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_member_case` ON `case_member` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_member_person` ON `case_member` (`case_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `case_record` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `package_item` (
	`id` integer PRIMARY KEY NOT NULL,
	`package_id` integer NOT NULL,
	`kind` text NOT NULL,
	`need_code` text NOT NULL,
	`need_rank` integer NOT NULL,
	`subject` text NOT NULL,
	`member_id` text,
	`service_id` integer,
	`organization_id` integer,
	`service_version` integer,
	`rank` integer NOT NULL,
	`reasons` text NOT NULL,
	`pathway_instance_id` text,
	FOREIGN KEY (`package_id`) REFERENCES `proposed_package`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `case_member`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pathway_instance_id`) REFERENCES `pathway_instance`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "package_item_service" CHECK(("package_item"."kind" = 'unmet') = ("package_item"."service_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `package_item_package` ON `package_item` (`package_id`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `proposed_package` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`help_for` text NOT NULL,
	`proposed_at` text NOT NULL,
	`catalogue_revision` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case_record`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposed_package_case` ON `proposed_package` (`case_id`,`id`);--> statement-breakpoint
-- Every screening so far becomes a case of its own, about one person, with the screening's
-- id as the case's, the person's and the member's: the pathways, referrals, consents and
-- references already name their case by that id. SQLite adds a NOT NULL reference only
-- by rebuilding the table; migrateDatabase runs this with foreign keys off and checks
-- them afterwards, so the rebuild neither cascades to the screening's events nor breaks them.
INSERT INTO `case_record` (`id`, `channel`, `created_at`) SELECT `id`, `channel`, `created_at` FROM `screening`;--> statement-breakpoint
INSERT INTO `person` (`id`, `created_at`) SELECT `id`, `created_at` FROM `screening`;--> statement-breakpoint
INSERT INTO `case_member` (`id`, `case_id`, `person_id`, `relation`) SELECT `id`, `id`, `id`, 'person-screened' FROM `screening`;--> statement-breakpoint
CREATE TABLE `__new_screening` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`member_id` text NOT NULL,
	`questionnaire_version` text NOT NULL,
	`machine_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`answers` text NOT NULL,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`saved_at` integer,
	`resume_code_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case_record`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `case_member`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_screening` (`id`, `case_id`, `member_id`, `questionnaire_version`, `machine_version`, `snapshot`, `answers`, `language`, `channel`, `status`, `saved_at`, `resume_code_hash`, `created_at`, `updated_at`, `version`)
  SELECT `id`, `id`, `id`, `questionnaire_version`, `machine_version`, `snapshot`, `answers`, `language`, `channel`, `status`, `saved_at`, `resume_code_hash`, `created_at`, `updated_at`, `version` FROM `screening`;--> statement-breakpoint
DROP TABLE `screening`;--> statement-breakpoint
ALTER TABLE `__new_screening` RENAME TO `screening`;--> statement-breakpoint
CREATE INDEX `screening_updated` ON `screening` (`status`,`updated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `screening_resume_code` ON `screening` (`resume_code_hash`);--> statement-breakpoint
CREATE INDEX `screening_case` ON `screening` (`case_id`);--> statement-breakpoint
-- Consent so far was given online, the only channel there was; from now on each consent
-- says its channel (no default: the code must), which SQLite adds only by a rebuild.
CREATE TABLE `__new_consent` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`data_categories` text NOT NULL,
	`purpose` text NOT NULL,
	`text_version` text NOT NULL,
	`given_at` integer NOT NULL,
	`withdrawn_at` integer,
	`recorded_by` text NOT NULL,
	`channel` text NOT NULL,
	`withdrawn_by` text,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_consent` (`id`, `case_id`, `service_id`, `organization_id`, `data_categories`, `purpose`, `text_version`, `given_at`, `withdrawn_at`, `recorded_by`, `channel`, `withdrawn_by`)
  SELECT `id`, `case_id`, `service_id`, `organization_id`, `data_categories`, `purpose`, `text_version`, `given_at`, `withdrawn_at`, `recorded_by`, 'online', `withdrawn_by` FROM `consent`;--> statement-breakpoint
DROP TABLE `consent`;--> statement-breakpoint
ALTER TABLE `__new_consent` RENAME TO `consent`;--> statement-breakpoint
CREATE UNIQUE INDEX `consent_case_service` ON `consent` (`case_id`,`service_id`);--> statement-breakpoint
-- The event log is append-only: events recorded before this keep no channel.
ALTER TABLE `pathway_event` ADD `channel` text;
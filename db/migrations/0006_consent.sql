CREATE TABLE `case_reference` (
	`case_id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_reference_reference_unique` ON `case_reference` (`reference`);--> statement-breakpoint
CREATE TABLE `consent` (
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
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_case_service` ON `consent` (`case_id`,`service_id`);
CREATE TABLE `address` (
	`id` integer PRIMARY KEY NOT NULL,
	`location_id` integer NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`country` text DEFAULT 'FI' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipality`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `address_location` ON `address` (`location_id`);--> statement-breakpoint
CREATE TABLE `cost_option` (
	`id` integer PRIMARY KEY NOT NULL,
	`service_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`unit` text,
	`description` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cost_option_price_needs_amount" CHECK("cost_option"."kind" <> 'fixed_price' OR "cost_option"."amount_cents" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `cost_option_service` ON `cost_option` (`service_id`);--> statement-breakpoint
CREATE TABLE `location` (
	`id` integer PRIMARY KEY NOT NULL,
	`hsds_id` text NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`transportation` text,
	`accessibility` text,
	`latitude` real,
	`longitude` real,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `location_hsds_id` ON `location` (`hsds_id`);--> statement-breakpoint
CREATE INDEX `location_organization` ON `location` (`organization_id`);--> statement-breakpoint
CREATE TABLE `municipality` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organization` (
	`id` integer PRIMARY KEY NOT NULL,
	`hsds_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`email` text,
	`website` text,
	`phone` text,
	`municipality_code` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipality`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organization_hsds_id` ON `organization` (`hsds_id`);--> statement-breakpoint
CREATE TABLE `phone` (
	`id` integer PRIMARY KEY NOT NULL,
	`organization_id` integer,
	`service_id` integer,
	`number` text NOT NULL,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phone_service` ON `phone` (`service_id`);--> statement-breakpoint
CREATE INDEX `phone_organization` ON `phone` (`organization_id`);--> statement-breakpoint
CREATE TABLE `schedule` (
	`id` integer PRIMARY KEY NOT NULL,
	`service_id` integer NOT NULL,
	`freq` text DEFAULT 'WEEKLY' NOT NULL,
	`byday` text NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedule_service` ON `schedule` (`service_id`);--> statement-breakpoint
CREATE TABLE `service` (
	`id` integer PRIMARY KEY NOT NULL,
	`hsds_id` text NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`summary` text NOT NULL,
	`description` text NOT NULL,
	`application_process` text NOT NULL,
	`eligibility_description` text NOT NULL,
	`fees_description` text,
	`url` text,
	`email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`publication_status` text DEFAULT 'draft' NOT NULL,
	`minimum_age` integer,
	`maximum_age` integer,
	`delivery` text NOT NULL,
	`accepts_referrals` integer DEFAULT false NOT NULL,
	`referral_data` text NOT NULL,
	`response_time_working_days` integer DEFAULT 2 NOT NULL,
	`typical_wait_days` integer,
	`capacity` text DEFAULT 'available' NOT NULL,
	`quality_rating` real,
	`accreditations` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_age_range" CHECK("service"."minimum_age" IS NULL OR "service"."maximum_age" IS NULL OR "service"."minimum_age" <= "service"."maximum_age"),
	CONSTRAINT "service_quality_range" CHECK("service"."quality_rating" IS NULL OR ("service"."quality_rating" BETWEEN 1 AND 5))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_hsds_id` ON `service` (`hsds_id`);--> statement-breakpoint
CREATE INDEX `service_organization` ON `service` (`organization_id`);--> statement-breakpoint
CREATE TABLE `service_area` (
	`service_id` integer NOT NULL,
	`municipality_code` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`service_id`, `municipality_code`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipality`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_area_municipality` ON `service_area` (`municipality_code`,`service_id`);--> statement-breakpoint
CREATE TABLE `service_at_location` (
	`service_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`service_id`, `location_id`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_at_location_location` ON `service_at_location` (`location_id`);--> statement-breakpoint
CREATE TABLE `service_attribute` (
	`service_id` integer NOT NULL,
	`taxonomy_term_code` text NOT NULL,
	PRIMARY KEY(`service_id`, `taxonomy_term_code`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taxonomy_term_code`) REFERENCES `taxonomy_term`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_attribute_term` ON `service_attribute` (`taxonomy_term_code`,`service_id`);--> statement-breakpoint
CREATE TABLE `service_eligibility` (
	`service_id` integer PRIMARY KEY NOT NULL,
	`residency_required` integer NOT NULL,
	`required_need_codes` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `service_language` (
	`service_id` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`service_id`, `code`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_language_code` ON `service_language` (`code`,`service_id`);--> statement-breakpoint
CREATE TABLE `taxonomy` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`uri` text
);
--> statement-breakpoint
CREATE TABLE `taxonomy_term` (
	`code` text PRIMARY KEY NOT NULL,
	`taxonomy_id` text NOT NULL,
	`parent_code` text,
	`name` text NOT NULL,
	`description` text,
	`open_eligibility_name` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`taxonomy_id`) REFERENCES `taxonomy`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `taxonomy_term_parent` ON `taxonomy_term` (`parent_code`);
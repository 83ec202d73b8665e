CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`instance_id` text,
	`created_at` integer NOT NULL,
	`available_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`delivered_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`delivered_at`,`available_at`);--> statement-breakpoint
CREATE TABLE `pathway_event` (
	`instance_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`actor` text NOT NULL,
	`occurred_at` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`machine_version` integer NOT NULL,
	PRIMARY KEY(`instance_id`, `sequence`),
	FOREIGN KEY (`instance_id`) REFERENCES `pathway_instance`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pathway_instance` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`machine_id` text NOT NULL,
	`machine_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`state` text NOT NULL,
	`status` text NOT NULL,
	`last_sequence` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pathway_instance_case` ON `pathway_instance` (`case_id`);--> statement-breakpoint
CREATE INDEX `pathway_instance_machine_state` ON `pathway_instance` (`machine_id`,`state`);--> statement-breakpoint
CREATE TABLE `pathway_timer` (
	`instance_id` text NOT NULL,
	`event` text NOT NULL,
	`due_at` text NOT NULL,
	PRIMARY KEY(`instance_id`, `event`),
	FOREIGN KEY (`instance_id`) REFERENCES `pathway_instance`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pathway_timer_due` ON `pathway_timer` (`due_at`);--> statement-breakpoint
CREATE TABLE `referral` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`pathway_instance_id` text NOT NULL,
	`machine_instance_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`need_codes` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pathway_instance_id`) REFERENCES `pathway_instance`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`machine_instance_id`) REFERENCES `pathway_instance`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_idempotency_key` ON `referral` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `referral_case` ON `referral` (`case_id`);--> statement-breakpoint
CREATE TABLE `unmet_need` (
	`case_id` text NOT NULL,
	`need_code` text NOT NULL,
	`municipality_code` text,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `need_code`),
	FOREIGN KEY (`need_code`) REFERENCES `taxonomy_term`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unmet_need_code` ON `unmet_need` (`need_code`);--> statement-breakpoint
-- The event log is append-only: a transition's record is never rewritten. (Rows go only
-- with their instance, when retention deletes a whole case.)
CREATE TRIGGER pathway_event_append_only BEFORE UPDATE ON pathway_event BEGIN
  SELECT RAISE(ABORT, 'pathway_event is append-only');
END;

CREATE TABLE `email_link` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`target_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_link_target` ON `email_link` (`purpose`,`target_id`);--> statement-breakpoint
CREATE INDEX `email_link_expires` ON `email_link` (`expires_at`);
CREATE TABLE `email_address_use` (
	`address_hash` text NOT NULL,
	`requested_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_address_use_address` ON `email_address_use` (`address_hash`,`requested_at`);--> statement-breakpoint
ALTER TABLE `email_link` ADD `outbox_id` integer;--> statement-breakpoint
ALTER TABLE `email_link` ADD `spent_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_at` integer;--> statement-breakpoint
-- Emails already given up after their last try (8) are marked as such, so the person's page can say so.
UPDATE `outbox` SET `failed_at` = `available_at` WHERE `type` = 'email' AND `delivered_at` IS NULL AND `attempts` >= 8;

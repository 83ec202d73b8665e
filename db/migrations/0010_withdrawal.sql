ALTER TABLE `consent` ADD `withdrawn_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `cancelled_at` integer;
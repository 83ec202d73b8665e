ALTER TABLE `person` ADD `full_name` text;--> statement-breakpoint
ALTER TABLE `person` ADD `date_of_birth` text;--> statement-breakpoint
ALTER TABLE `person` ADD `street_address` text;--> statement-breakpoint
ALTER TABLE `person` ADD `postcode` text;--> statement-breakpoint
ALTER TABLE `person` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `person` ADD `email` text;--> statement-breakpoint
ALTER TABLE `person` ADD `details_given_at` integer;--> statement-breakpoint
ALTER TABLE `person` ADD `details_given_by` text;
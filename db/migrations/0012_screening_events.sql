CREATE TABLE `screening_event` (
	`id` integer PRIMARY KEY NOT NULL,
	`screening_id` text NOT NULL,
	`type` text NOT NULL,
	`step` text,
	`actor` text NOT NULL,
	`channel` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`screening_id`) REFERENCES `screening`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `screening_event_screening` ON `screening_event` (`screening_id`,`id`);--> statement-breakpoint
-- The counter channel is called walk-in now (pathways/actor.ts); nothing wrote 'desk' yet, but a database might hold it.
UPDATE `screening` SET `channel` = 'walk-in' WHERE `channel` = 'desk';--> statement-breakpoint
UPDATE `feedback` SET `channel` = 'walk-in' WHERE `channel` = 'desk';

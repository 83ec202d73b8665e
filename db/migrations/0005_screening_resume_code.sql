ALTER TABLE `screening` ADD `resume_code_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `screening_resume_code` ON `screening` (`resume_code_hash`);
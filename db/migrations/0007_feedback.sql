CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "feedback_rating_range" CHECK("feedback"."rating" BETWEEN 1 AND 5)
);

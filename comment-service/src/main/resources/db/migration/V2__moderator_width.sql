-- A moderator's subject is stored as the gateway forwards it: up to 256 characters (it was
-- 200, so a longer subject was refused by the column after the answer said "stored").
ALTER TABLE comment_event ALTER COLUMN actor SET DATA TYPE VARCHAR(256);
ALTER TABLE comment_settings ALTER COLUMN updated_by SET DATA TYPE VARCHAR(256);

-- PBKDF2 hashes ({pbkdf2-sha256} and 96 hex digits) are longer than bcrypt's 60 characters.
alter table app_user alter column password_hash type varchar(255);

-- A running first attempt now holds its key's row locked; the lease it used to take is no longer read.
ALTER TABLE idempotency_key DROP COLUMN locked_until;

-- How an active citizen session was authenticated (RFC 8176 values: pwd, otp, hwk), for the
-- OpenID Connect `amr` claim; its created_at is the authentication time.
alter table citizen_sessions add column amr text[] not null default '{}';

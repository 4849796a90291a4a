-- An account registered by someone else with a citizen's NIK, name and birth date can be released
-- by an operator after checking the citizen's KTP-el (issue 6): the account is disabled and kept
-- for the record, and the NIK is free for a new registration. One live account per NIK.
alter table citizens drop constraint citizens_nik_key;
create unique index citizens_live_nik_idx on citizens (nik) where disabled_at is null;

-- A service that answers with personal data (issue 6): every call to it must name whose data it
-- is about (X-Padu-Subject, a NIK) and why (X-Padu-Purpose), so that the citizen's "who accessed
-- my data" cannot miss an exchange about them.
alter table exchange_services add column personal_data boolean not null default false;

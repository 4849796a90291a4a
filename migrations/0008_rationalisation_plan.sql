-- The rationalisation plan (issue 4): per application a TIME decision (Gartner: tolerate, invest,
-- migrate, eliminate), the shared national application it migrates to, a deadline, and the day
-- the migration or elimination was completed (the application is then retired).

create table rationalisation_plan (
  application_id                  bigint primary key references applications (id) on delete cascade,
  decision                        text not null check (decision in ('tolerate', 'invest', 'migrate', 'eliminate')),
  target_shared_application_code  text references shared_applications (code),
  deadline                        date,
  completed_on                    date,
  note                            text,
  updated_by                      text not null,
  updated_at                      timestamptz not null default now(),
  check (decision <> 'migrate' or target_shared_application_code is not null),
  check (completed_on is null or decision in ('migrate', 'eliminate'))
);
create index rationalisation_plan_decision_idx on rationalisation_plan (decision);

-- The citizens' portal (issue 6): public services with their forms, citizens' applications
-- (permohonan) with a status timeline, consents to prefill, and in-app notifications.

-- Seeded from src/portal/services.data.ts at start-up; `definition` is the published record
-- (texts, requirements, the JSON Schema form and which fields the register may prefill).
create table public_services (
  id                    bigint generated always as identity primary key,
  slug                  text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  provider_agency_code  text not null references agencies (code),
  category              text not null,
  definition            jsonb not null,
  updated_at            timestamptz not null default now()
);

-- A citizen's consent to share named facts from the register with one agency for one service.
create table portal_consents (
  id                      bigint generated always as identity primary key,
  citizen_id              bigint not null references citizens (id),
  service_id              bigint not null references public_services (id),
  recipient_agency_code   text not null references agencies (code),
  fields                  text[] not null,
  granted_at              timestamptz not null default now()
);
create index portal_consents_citizen_idx on portal_consents (citizen_id);

create table portal_applications (
  id                bigint generated always as identity primary key,
  reference         text not null unique,
  citizen_id        bigint not null references citizens (id),
  -- Who applied, as the application was made (the citizen's account may change later).
  applicant_nik     text not null,
  applicant_name    text not null,
  service_id        bigint not null references public_services (id),
  agency_code       text not null references agencies (code),  -- who works it
  data              jsonb not null,
  prefilled_fields  text[] not null default '{}',
  consent_id        bigint references portal_consents (id),
  status            text not null check (status in
                      ('submitted', 'verified', 'in_process', 'needs_correction', 'completed', 'rejected')),
  submitted_at      timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index portal_applications_citizen_idx on portal_applications (citizen_id, submitted_at desc);
create index portal_applications_queue_idx on portal_applications (agency_code, status, submitted_at);

create table portal_application_events (
  id              bigint generated always as identity primary key,
  application_id  bigint not null references portal_applications (id),
  status          text not null,
  note            text,
  by_role         text not null check (by_role in ('citizen', 'operator')),
  actor           text not null,  -- audit form: citizen:<id>, session:<username>, token:<name>
  at              timestamptz not null default now()
);
create index portal_application_events_app_idx on portal_application_events (application_id, id);

create table portal_notifications (
  id              bigint generated always as identity primary key,
  citizen_id      bigint not null references citizens (id),
  application_id  bigint references portal_applications (id),
  message         text not null,
  message_en      text not null,
  created_at      timestamptz not null default now(),
  read_at         timestamptz
);
create index portal_notifications_citizen_idx on portal_notifications (citizen_id, id desc);

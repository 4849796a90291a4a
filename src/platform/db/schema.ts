import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables that the migrations in `migrations/` create. Keep the two in step. */
export interface Database {
  regions: RegionsTable;
  reference_imports: ReferenceImportsTable;
  audit_log: AuditLogTable;
  agencies: AgenciesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  schema_migrations: SchemaMigrationsTable;
  people: PeopleTable;
  immunizations: ImmunizationsTable;
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_login_failures: CitizenLoginFailuresTable;
  citizen_password_resets: CitizenPasswordResetsTable;
  citizen_passkeys: CitizenPasskeysTable;
  notification_outbox: NotificationOutboxTable;
  public_services: PublicServicesTable;
  portal_consents: PortalConsentsTable;
  portal_applications: PortalApplicationsTable;
  portal_application_events: PortalApplicationEventsTable;
  portal_notifications: PortalNotificationsTable;
  oidc_clients: OidcClientsTable;
  oidc_payloads: OidcPayloadsTable;
  oidc_secrets: OidcSecretsTable;
}

export interface OidcClientsTable {
  client_id: string;
  name: string;
  metadata: ColumnType<unknown, string, string>;
  nik_allowed: boolean;
  created_at: Timestamp;
  disabled_at: Date | null;
}

export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: ColumnType<unknown, string, string>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
}

export interface OidcSecretsTable {
  name: 'jwks' | 'cookie_keys';
  value: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export type ApplicationStatus =
  'submitted' | 'verified' | 'in_process' | 'needs_correction' | 'completed' | 'rejected';

export interface PublicServicesTable {
  id: Generated<number>;
  slug: string;
  provider_agency_code: string;
  category: string;
  /** JSON text on insert; the parsed object on select. */
  definition: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface PortalConsentsTable {
  id: Generated<number>;
  citizen_id: number;
  service_id: number;
  recipient_agency_code: string;
  fields: string[];
  granted_at: Timestamp;
}

export interface PortalApplicationsTable {
  id: Generated<number>;
  reference: string;
  citizen_id: number;
  applicant_nik: string;
  applicant_name: string;
  service_id: number;
  agency_code: string;
  data: ColumnType<unknown, string, string>;
  prefilled_fields: string[];
  consent_id: number | null;
  status: ApplicationStatus;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

export interface PortalApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  status: ApplicationStatus;
  note: string | null;
  by_role: 'citizen' | 'operator';
  actor: string;
  at: Timestamp;
}

export interface PortalNotificationsTable {
  id: Generated<number>;
  citizen_id: number;
  application_id: number | null;
  message: string;
  message_en: string;
  created_at: Timestamp;
  read_at: Date | null;
}

export interface CitizensTable {
  id: Generated<number>;
  nik: string;
  name: string;
  email: string;
  password_hash: string;
  totp_secret: string;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  created_at: Timestamp;
  disabled_at: Date | null;
}

export type CitizenSessionStage = 'enrol' | 'totp' | 'active';

export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: number;
  stage: CitizenSessionStage;
  csrf_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  webauthn_challenge: string | null;
  amr: string[];
}

export interface CitizenPasskeysTable {
  id: string;
  citizen_id: number;
  public_key: Buffer;
  counter: number;
  transports: string[];
  name: string;
  created_at: Timestamp;
  last_used_at: Date | null;
}

export interface CitizenLoginFailuresTable {
  nik: string;
  failures: number;
  first_failed_at: Timestamp;
  locked_until: Date | null;
}

export interface CitizenPasswordResetsTable {
  token_hash: string;
  citizen_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  delivered_at: Date | null;
}

export interface PeopleTable {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth_date: string;
  village_code: string;
  family_card_number: string | null;
  mother_name: string | null;
  death_date: string | null;
  updated_at: Timestamp;
}

export interface ImmunizationsTable {
  nik: string;
  vaccine: string;
  dose: number;
  date: string;
  facility_village_code: string | null;
  updated_at: Timestamp;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  search_name: string;
}

export interface ReferenceImportsTable {
  name: string;
  checksum: string;
  row_count: number;
  imported_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  subject: string | null;
  details: ColumnType<unknown, string | undefined, string>;
}

export type AgencyLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'kota';

export interface AgenciesTable {
  code: string;
  name: string;
  name_en: string | null;
  level: AgencyLevel;
  kind: string | null;
  abbreviation: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  former_names: ColumnType<string[], string[] | undefined, string[]>;
  region_code: string | null;
  search_text: string;
}

export type Role = 'platform_admin' | 'agency_operator';

export interface AccountsTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  agency_code: string | null;
  created_at: Timestamp;
  disabled_at: Date | null;
}

export interface SessionsTable {
  token_hash: string;
  account_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  name: string;
  role: Role;
  agency_code: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

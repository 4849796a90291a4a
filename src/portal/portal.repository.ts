import { sql, type Kysely } from 'kysely';
import type { ApplicationStatus, Database } from '../platform/db/schema.ts';

export interface ApplicationRow {
  readonly id: number;
  readonly reference: string;
  readonly citizenId: number;
  readonly applicantNik: string;
  readonly applicantName: string;
  readonly serviceId: number;
  readonly agencyCode: string;
  readonly data: Record<string, unknown>;
  readonly prefilledFields: readonly string[];
  readonly consentId: number | null;
  readonly status: ApplicationStatus;
  readonly submittedAt: Date;
  readonly updatedAt: Date;
}

export interface ApplicationEvent {
  readonly status: ApplicationStatus;
  readonly note: string | null;
  readonly at: Date;
  readonly byRole: 'citizen' | 'operator';
}

export interface ConsentRow {
  readonly id: number;
  readonly citizenId: number;
  readonly serviceId: number;
  readonly recipientAgencyCode: string;
  readonly fields: readonly string[];
}

/** Which applications a list shows: one citizen's, or an agency's queue (null: every agency). */
export type ApplicationScope =
  | { readonly citizenId: number }
  | {
      readonly agencyCode: string | null;
      readonly status?: ApplicationStatus;
      readonly serviceId?: number;
    };

export function portalRepository(db: Kysely<Database>) {
  const applications = () =>
    db
      .selectFrom('portal_applications as a')
      .select([
        'a.id',
        'a.reference',
        'a.citizen_id',
        'a.applicant_nik',
        'a.applicant_name',
        'a.service_id',
        'a.agency_code',
        'a.data',
        'a.prefilled_fields',
        'a.consent_id',
        'a.status',
        'a.submitted_at',
        'a.updated_at',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof applications>['executeTakeFirstOrThrow']>>;
  const toApplication = (row: Row): ApplicationRow => ({
    id: row.id,
    reference: row.reference,
    citizenId: row.citizen_id,
    applicantNik: row.applicant_nik,
    applicantName: row.applicant_name,
    serviceId: row.service_id,
    agencyCode: row.agency_code,
    data: row.data as Record<string, unknown>,
    prefilledFields: row.prefilled_fields,
    consentId: row.consent_id,
    status: row.status,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  });

  return {
    /** Inserts or updates the published services; returns slug -> id. */
    async upsertServices(
      services: readonly {
        slug: string;
        providerAgencyCode: string;
        category: string;
        definition: unknown;
      }[],
    ): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const service of services) {
        const definition = JSON.stringify(service.definition);
        const row = await db
          .insertInto('public_services')
          .values({
            slug: service.slug,
            provider_agency_code: service.providerAgencyCode,
            category: service.category,
            definition,
          })
          .onConflict((oc) =>
            oc.column('slug').doUpdateSet({
              provider_agency_code: service.providerAgencyCode,
              category: service.category,
              definition,
              updated_at: sql`case when public_services.definition = ${definition}::jsonb
                                   then public_services.updated_at else now() end`,
            }),
          )
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.set(service.slug, row.id);
      }
      return ids;
    },

    async services(): Promise<{ id: number; slug: string; definition: unknown }[]> {
      return db
        .selectFrom('public_services')
        .select(['id', 'slug', 'definition'])
        .orderBy('id')
        .execute();
    },

    async insertConsent(consent: Omit<ConsentRow, 'id'>): Promise<number> {
      const row = await db
        .insertInto('portal_consents')
        .values({
          citizen_id: consent.citizenId,
          service_id: consent.serviceId,
          recipient_agency_code: consent.recipientAgencyCode,
          fields: [...consent.fields],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async consent(id: number): Promise<ConsentRow | undefined> {
      const row = await db
        .selectFrom('portal_consents')
        .select(['id', 'citizen_id', 'service_id', 'recipient_agency_code', 'fields'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          citizenId: row.citizen_id,
          serviceId: row.service_id,
          recipientAgencyCode: row.recipient_agency_code,
          fields: row.fields,
        }
      );
    },

    /** Inserts an application; `undefined` when the reference is taken (draw another). */
    async insertApplication(application: {
      reference: string;
      citizenId: number;
      applicantNik: string;
      applicantName: string;
      serviceId: number;
      agencyCode: string;
      data: unknown;
      prefilledFields: readonly string[];
      consentId: number | null;
    }): Promise<number | undefined> {
      const row = await db
        .insertInto('portal_applications')
        .values({
          reference: application.reference,
          citizen_id: application.citizenId,
          applicant_nik: application.applicantNik,
          applicant_name: application.applicantName,
          service_id: application.serviceId,
          agency_code: application.agencyCode,
          data: JSON.stringify(application.data),
          prefilled_fields: [...application.prefilledFields],
          consent_id: application.consentId,
          status: 'submitted',
        })
        .onConflict((oc) => oc.column('reference').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async application(
      reference: string,
      options: { forUpdate?: boolean } = {},
    ): Promise<ApplicationRow | undefined> {
      let query = applications().where('a.reference', '=', reference);
      if (options.forUpdate === true) query = query.forUpdate('a');
      const row = await query.executeTakeFirst();
      return row && toApplication(row);
    },

    async applications(scope: ApplicationScope, limit: number): Promise<ApplicationRow[]> {
      let query = applications();
      if ('citizenId' in scope) {
        query = query.where('a.citizen_id', '=', scope.citizenId).orderBy('a.submitted_at', 'desc');
      } else {
        if (scope.agencyCode !== null) query = query.where('a.agency_code', '=', scope.agencyCode);
        if (scope.status !== undefined) query = query.where('a.status', '=', scope.status);
        if (scope.serviceId !== undefined)
          query = query.where('a.service_id', '=', scope.serviceId);
        query = query.orderBy('a.submitted_at', 'asc');
      }
      const rows = await query.orderBy('a.id').limit(limit).execute();
      return rows.map(toApplication);
    },

    async updateApplication(
      id: number,
      change: { status: ApplicationStatus; data?: unknown; prefilledFields?: readonly string[] },
    ): Promise<void> {
      await db
        .updateTable('portal_applications')
        .set({
          status: change.status,
          updated_at: new Date(),
          ...(change.data === undefined ? {} : { data: JSON.stringify(change.data) }),
          ...(change.prefilledFields === undefined
            ? {}
            : { prefilled_fields: [...change.prefilledFields] }),
        })
        .where('id', '=', id)
        .execute();
    },

    async insertEvent(event: {
      applicationId: number;
      status: ApplicationStatus;
      note: string | null;
      byRole: 'citizen' | 'operator';
      actor: string;
    }): Promise<void> {
      await db
        .insertInto('portal_application_events')
        .values({
          application_id: event.applicationId,
          status: event.status,
          note: event.note,
          by_role: event.byRole,
          actor: event.actor,
        })
        .execute();
    },

    async events(applicationId: number): Promise<ApplicationEvent[]> {
      const rows = await db
        .selectFrom('portal_application_events')
        .select(['status', 'note', 'at', 'by_role'])
        .where('application_id', '=', applicationId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ status: r.status, note: r.note, at: r.at, byRole: r.by_role }));
    },

    async insertNotification(notification: {
      citizenId: number;
      applicationId: number | null;
      message: string;
      messageEn: string;
    }): Promise<void> {
      await db
        .insertInto('portal_notifications')
        .values({
          citizen_id: notification.citizenId,
          application_id: notification.applicationId,
          message: notification.message,
          message_en: notification.messageEn,
        })
        .execute();
    },

    async notifications(citizenId: number, limit: number) {
      const rows = await db
        .selectFrom('portal_notifications as n')
        .leftJoin('portal_applications as a', 'a.id', 'n.application_id')
        .select(['n.id', 'n.message', 'n.message_en', 'n.created_at', 'n.read_at', 'a.reference'])
        .where('n.citizen_id', '=', citizenId)
        .orderBy('n.id', 'desc')
        .limit(limit)
        .execute();
      const unread = await db
        .selectFrom('portal_notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('citizen_id', '=', citizenId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { rows, unread: Number(unread.n) };
    },

    async markRead(citizenId: number, ids: readonly number[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('portal_notifications')
        .set({ read_at: new Date() })
        .where('citizen_id', '=', citizenId)
        .where('id', 'in', [...ids])
        .where('read_at', 'is', null)
        .execute();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Principal } from '../platform/auth/principal.ts';
import { actorOf } from '../platform/auth/principal.ts';
import { recordAudit } from '../platform/audit.ts';
import { todayInIndonesia } from '../platform/dates.ts';
import type { ApplicationStatus, Database } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import type { Notifier } from '../platform/notifier.ts';
import type { PopulationRegister, RegisteredPerson } from '../population/register.ts';
import type { SubjectAccess } from '../exchange/subject-access.ts';
import { CATEGORY_NAMES, LIFE_EVENT_NAMES } from './categories.ts';
import { fieldLabels, formProblems } from './forms.ts';
import { portalRepository, type ApplicationRow } from './portal.repository.ts';
import { searchIndex, type SearchIndex } from './search.ts';
import {
  PUBLIC_SERVICES,
  type LifeEvent,
  type PrefillSource,
  type PublicServiceSeed,
  type ServiceCategory,
} from './services.data.ts';

/** The citizen a portal request acts for. */
export interface PortalCitizen {
  readonly id: number;
  readonly nik: string;
  readonly name: string;
}

export interface AgencyRef {
  readonly code: string;
  readonly name: string;
}

/** What the portal needs from other modules, wired in app.ts. */
export interface PortalDependencies {
  readonly register: PopulationRegister;
  readonly agencyName: (code: string) => Promise<string | undefined>;
  readonly contact: (citizenId: number) => Promise<{ name: string; email: string } | undefined>;
  readonly accessesAbout: (nik: string, limit: number) => Promise<SubjectAccess[]>;
  readonly notifier: Notifier;
}

/** The moves an agency's operator may make; a citizen's corrected resubmission goes back to 'submitted'. */
export const OPERATOR_MOVES: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['verified', 'needs_correction', 'rejected'],
  verified: ['in_process', 'needs_correction', 'rejected'],
  in_process: ['completed', 'needs_correction', 'rejected'],
  needs_correction: [],
  completed: [],
  rejected: [],
};

const STATUS_TEXT: Readonly<Record<ApplicationStatus, { id: string; en: string }>> = {
  submitted: { id: 'telah diajukan', en: 'was submitted' },
  verified: { id: 'telah diverifikasi', en: 'was verified' },
  in_process: { id: 'sedang diproses', en: 'is being processed' },
  needs_correction: { id: 'perlu perbaikan', en: 'needs correction' },
  completed: { id: 'telah selesai', en: 'is completed' },
  rejected: { id: 'ditolak', en: 'was rejected' },
};

const REGISTER_SOURCE = 'Register kependudukan (Dukcapil)';

interface CatalogueEntry {
  readonly id: number;
  readonly seed: PublicServiceSeed;
}

interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly bySlug: ReadonlyMap<string, CatalogueEntry>;
  readonly byId: ReadonlyMap<number, CatalogueEntry>;
  readonly index: SearchIndex<CatalogueEntry>;
}

/** Crockford's base32 without I, L, O, U: a reference read over the phone is not misheard. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(): string {
  const bytes = randomBytes(6);
  const code = [...bytes].map((b) => REFERENCE_ALPHABET[b % 32]).join('');
  return `PDU-${todayInIndonesia().replaceAll('-', '')}-${code}`;
}

/** A register fact as a form value; undefined when the register does not hold it. */
async function prefillValue(
  source: PrefillSource,
  person: RegisteredPerson,
  register: PopulationRegister,
): Promise<unknown> {
  switch (source) {
    case 'nik':
      return person.nik;
    case 'name':
      return person.name;
    case 'sex':
      return person.sex;
    case 'birthDate':
      return person.birthDate;
    case 'motherName':
      return person.motherName ?? undefined;
    case 'familyCardNumber':
      return person.familyCardNumber ?? undefined;
    case 'villageCode':
      return person.villageCode;
    case 'address':
      return person.address;
    case 'familyMembers':
      return person.familyCardNumber === null
        ? []
        : register.familyMembers(person.familyCardNumber, person.nik);
  }
}

/** Publishes the services of services.data.ts (start-up, test template; idempotent). */
export async function seedPublicServices(db: Kysely<Database>): Promise<number> {
  await portalRepository(db).upsertServices(
    PUBLIC_SERVICES.map((seed) => ({
      slug: seed.slug,
      providerAgencyCode: seed.providerAgencyCode,
      category: seed.category,
      definition: seed,
    })),
  );
  return PUBLIC_SERVICES.length;
}

export function portalService(db: Kysely<Database>, deps: PortalDependencies) {
  const repository = portalRepository(db);
  let catalogue: Promise<Catalogue> | undefined;
  const agencyNames = new Map<string, Promise<string>>();

  function loadCatalogue(): Promise<Catalogue> {
    catalogue ??= (async () => {
      const rows = await repository.services();
      const entries = rows.map((row) => ({
        id: row.id,
        seed: row.definition as PublicServiceSeed,
      }));
      return {
        entries,
        bySlug: new Map(entries.map((e) => [e.seed.slug, e])),
        byId: new Map(entries.map((e) => [e.id, e])),
        index: searchIndex(
          entries.map((entry) => ({
            key: entry,
            fields: [
              { text: `${entry.seed.name} ${entry.seed.nameEn}`, weight: 3 },
              { text: entry.seed.keywords.join(' '), weight: 2.5 },
              {
                text: `${CATEGORY_NAMES[entry.seed.category].name} ${CATEGORY_NAMES[entry.seed.category].nameEn}`,
                weight: 1.5,
              },
              {
                text: `${entry.seed.summary} ${entry.seed.summaryEn} ${entry.seed.providerUnit}`,
                weight: 1,
              },
            ],
          })),
        ),
      };
    })().catch((error: unknown) => {
      catalogue = undefined;
      throw error;
    });
    return catalogue;
  }

  async function agency(code: string): Promise<AgencyRef> {
    let name = agencyNames.get(code);
    if (name === undefined) {
      name = deps.agencyName(code).then((n) => n ?? code);
      agencyNames.set(code, name);
    }
    return { code, name: await name };
  }

  async function service(slug: string): Promise<CatalogueEntry> {
    const entry = (await loadCatalogue()).bySlug.get(slug);
    if (entry === undefined) {
      throw new AppError(
        'NOT_FOUND',
        `No public service has the slug "${slug}"; find it with GET /api/v1/portal/services?search=…`,
      );
    }
    return entry;
  }

  async function summary(seed: PublicServiceSeed) {
    const provider = await agency(seed.providerAgencyCode);
    return {
      slug: seed.slug,
      name: seed.name,
      nameEn: seed.nameEn,
      summary: seed.summary,
      summaryEn: seed.summaryEn,
      category: seed.category,
      lifeEvents: [...seed.lifeEvents],
      provider: { agencyCode: provider.code, agencyName: provider.name, unit: seed.providerUnit },
      deliveredBy: seed.deliveredBy,
      handlingUnit: seed.handlingUnit ?? null,
      cost: { amount: seed.cost.amount, note: seed.cost.note ?? null },
      slaDays: seed.slaDays,
      channels: [...seed.channels],
      officialChannel: seed.officialChannel ?? null,
    };
  }

  async function person(citizen: PortalCitizen): Promise<RegisteredPerson> {
    const found = await deps.register.person(citizen.nik);
    if (found === undefined) {
      throw new AppError(
        'CONFLICT',
        'Your NIK is no longer in the population register; ask your Dinas Dukcapil to check your record.',
      );
    }
    return found;
  }

  /** Who works an application for this citizen: the provider, or their own province or regency. */
  async function recipient(seed: PublicServiceSeed, citizen: PortalCitizen) {
    const code =
      seed.deliveredBy === 'national'
        ? seed.providerAgencyCode
        : (await person(citizen)).villageCode.slice(0, seed.deliveredBy === 'province' ? 2 : 5);
    const found = await agency(code);
    return {
      agencyCode: found.code,
      agencyName: found.name,
      unit: seed.deliveredBy === 'national' ? seed.providerUnit : (seed.handlingUnit ?? null),
    };
  }

  async function present(row: ApplicationRow) {
    const entry = (await loadCatalogue()).byId.get(row.serviceId);
    const seed = entry?.seed;
    return {
      reference: row.reference,
      service: {
        slug: seed?.slug ?? String(row.serviceId),
        name: seed?.name ?? '',
        nameEn: seed?.nameEn ?? '',
      },
      agency: await agency(row.agencyCode),
      status: row.status,
      submittedAt: row.submittedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function presentFull(row: ApplicationRow) {
    const events = await repository.events(row.id);
    return {
      ...(await present(row)),
      data: row.data,
      prefilledFields: [...row.prefilledFields],
      timeline: events.map((e) => ({
        status: e.status,
        note: e.note,
        at: e.at.toISOString(),
        by: e.byRole,
      })),
      applicant: { nik: row.applicantNik, name: row.applicantName },
    };
  }

  /** The citizen's own application; another's answers as if it did not exist. */
  async function own(citizen: PortalCitizen, reference: string, forUpdate = false) {
    const row = await portalRepository(db).application(reference, { forUpdate });
    if (row === undefined || row.citizenId !== citizen.id) {
      throw new AppError('NOT_FOUND', `You have no application with reference ${reference}.`);
    }
    return row;
  }

  /** An application in the operator's agency (admins: any); another agency's answers 404. */
  function inScope(
    principal: Principal,
    row: ApplicationRow | undefined,
    reference: string,
  ): ApplicationRow {
    if (
      row === undefined ||
      (principal.agencyCode !== null && row.agencyCode !== principal.agencyCode)
    ) {
      throw new AppError(
        'NOT_FOUND',
        `Your agency has no application with reference ${reference}.`,
      );
    }
    return row;
  }

  async function notify(
    trx: Kysely<Database>,
    row: { id: number; citizenId: number; reference: string },
    seed: PublicServiceSeed | undefined,
    status: ApplicationStatus,
    note: string | null,
  ): Promise<void> {
    const text = STATUS_TEXT[status];
    const suffix = note === null ? '' : `: ${note}`;
    const message = `Permohonan ${row.reference} (${seed?.name ?? ''}) ${text.id}${suffix}.`;
    const messageEn = `Application ${row.reference} (${seed?.nameEn ?? ''}) ${text.en}${suffix}.`;
    const portal = portalRepository(trx);
    await portal.insertNotification({
      citizenId: row.citizenId,
      applicationId: row.id,
      message,
      messageEn,
    });
    const contact = await deps.contact(row.citizenId);
    if (contact !== undefined) {
      await deps.notifier.send(trx, {
        channel: 'email',
        recipient: contact.email,
        subject: `Padu: permohonan ${row.reference} ${text.id}`,
        body: `Yth. ${contact.name},\n\n${message}\n\n${messageEn}\n`,
      });
    }
  }

  /**
   * The consented fields whose submitted value is the register's: only those are shown to the
   * agency as prefilled ("dari Dukcapil"). A value the citizen changed, or made up, is theirs.
   */
  async function fromRegister(
    citizen: PortalCitizen,
    seed: PublicServiceSeed,
    consented: readonly string[],
    data: unknown,
  ): Promise<string[]> {
    const submitted = data as Record<string, unknown>;
    const fields = consented.filter(
      (f) => Object.hasOwn(submitted, f) && Object.hasOwn(seed.prefill, f),
    );
    if (fields.length === 0) return [];
    const registered = await person(citizen);
    const same: string[] = [];
    for (const field of fields) {
      const value = await prefillValue(seed.prefill[field]!, registered, deps.register);
      if (value !== undefined && isDeepStrictEqual(value, submitted[field])) same.push(field);
    }
    return same;
  }

  function checkData(seed: PublicServiceSeed, data: unknown): void {
    const problems = formProblems(seed.form, data);
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The form is not complete or not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems
          .map((p) => `${p.field} ${p.message}`)
          .join('; ')}.`,
        problems,
      );
    }
  }

  return {
    /** Publishes the services of services.data.ts (start-up; idempotent). */
    async seedServices(): Promise<number> {
      const count = await seedPublicServices(db);
      catalogue = undefined;
      return count;
    },

    async listServices(query: {
      search?: string;
      category?: ServiceCategory;
      lifeEvent?: LifeEvent;
    }) {
      const { entries, index } = await loadCatalogue();
      const search = query.search?.trim() ?? '';
      let found = search === '' ? [...entries] : index.search(search);
      if (query.category !== undefined)
        found = found.filter((e) => e.seed.category === query.category);
      if (query.lifeEvent !== undefined)
        found = found.filter((e) => e.seed.lifeEvents.includes(query.lifeEvent!));
      return { items: await Promise.all(found.map((e) => summary(e.seed))), total: found.length };
    },

    async categories() {
      const { entries } = await loadCatalogue();
      const count = (test: (seed: PublicServiceSeed) => boolean) =>
        entries.filter((e) => test(e.seed)).length;
      return {
        categories: (Object.keys(CATEGORY_NAMES) as ServiceCategory[]).map((code) => ({
          code,
          ...CATEGORY_NAMES[code],
          count: count((s) => s.category === code),
        })),
        lifeEvents: (Object.keys(LIFE_EVENT_NAMES) as LifeEvent[]).map((code) => ({
          code,
          ...LIFE_EVENT_NAMES[code],
          count: count((s) => s.lifeEvents.includes(code)),
        })),
      };
    },

    async serviceDetail(slug: string) {
      const { seed } = await service(slug);
      return {
        ...(await summary(seed)),
        description: seed.description,
        requirements: [...seed.requirements],
        legalBasis: seed.legalBasis ?? null,
        form: seed.form as unknown as Record<string, unknown>,
        prefill: Object.entries(seed.prefill).map(([field, source]) => ({
          field,
          ...fieldLabels(seed.form, field),
          source,
        })),
      };
    },

    /** What a prefill would share, and with whom, before the citizen agrees: labels, no values. */
    async prefillPreview(citizen: PortalCitizen, slug: string) {
      const { seed } = await service(slug);
      return {
        recipient: await recipient(seed, citizen),
        source: REGISTER_SOURCE,
        fields: Object.keys(seed.prefill).map((field) => ({
          field,
          ...fieldLabels(seed.form, field),
        })),
      };
    },

    /** Records the citizen's consent to the named fields and returns their values from the register. */
    async consent(citizen: PortalCitizen, slug: string, fields: readonly string[]) {
      const entry = await service(slug);
      const unknown = fields.filter((f) => !Object.hasOwn(entry.seed.prefill, f));
      if (unknown.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `These fields cannot be prefilled for this service: ${unknown.join(', ')}; choose from ${Object.keys(entry.seed.prefill).join(', ')}.`,
          unknown.map((f) => ({
            field: `/body/fields/${f}`,
            message: 'is not a prefill field of this service',
          })),
        );
      }
      const unique = [...new Set(fields)];
      const target = await recipient(entry.seed, citizen);
      const registered = await person(citizen);
      const values: Record<string, unknown> = {};
      for (const field of unique) {
        const value = await prefillValue(entry.seed.prefill[field]!, registered, deps.register);
        if (value !== undefined) values[field] = value;
      }
      const consentId = await db.transaction().execute(async (trx) => {
        const id = await portalRepository(trx).insertConsent({
          citizenId: citizen.id,
          serviceId: entry.id,
          recipientAgencyCode: target.agencyCode,
          fields: unique,
        });
        await recordAudit(trx, {
          actor: `citizen:${citizen.id}`,
          action: 'portal.consent',
          subject: String(id),
          details: { service: slug, recipient: target.agencyCode, fields: unique },
        });
        return id;
      });
      return { consentId, recipient: target, values };
    },

    async submit(
      citizen: PortalCitizen,
      input: { service: string; data: unknown; consentId?: number },
    ) {
      const entry = await service(input.service);
      checkData(entry.seed, input.data);
      const target = await recipient(entry.seed, citizen);
      let prefilled: string[] = [];
      if (input.consentId !== undefined) {
        const consent = await repository.consent(input.consentId);
        if (
          consent === undefined ||
          consent.citizenId !== citizen.id ||
          consent.serviceId !== entry.id
        ) {
          throw new AppError(
            'VALIDATION_FAILED',
            `Consent ${input.consentId} is not yours for this service; give consent again or leave consentId out.`,
            [
              {
                field: '/body/consentId',
                message: 'is not a consent of this citizen for this service',
              },
            ],
          );
        }
        prefilled = await fromRegister(citizen, entry.seed, consent.fields, input.data);
      }
      const row = await db.transaction().execute(async (trx) => {
        const portal = portalRepository(trx);
        let id: number | undefined;
        let reference = '';
        for (let attempt = 0; id === undefined; attempt++) {
          if (attempt === 5) throw new Error('could not draw a free application reference');
          reference = newReference();
          id = await portal.insertApplication({
            reference,
            citizenId: citizen.id,
            applicantNik: citizen.nik,
            applicantName: citizen.name,
            serviceId: entry.id,
            agencyCode: target.agencyCode,
            data: input.data,
            prefilledFields: prefilled,
            consentId: input.consentId ?? null,
          });
        }
        const actor = `citizen:${citizen.id}`;
        await portal.insertEvent({
          applicationId: id,
          status: 'submitted',
          note: null,
          byRole: 'citizen',
          actor,
        });
        await notify(trx, { id, citizenId: citizen.id, reference }, entry.seed, 'submitted', null);
        await recordAudit(trx, { actor, action: 'portal.application_submit', subject: reference });
        return portal.application(reference);
      });
      return presentFull(row!);
    },

    async myApplications(citizen: PortalCitizen) {
      const rows = await repository.applications({ citizenId: citizen.id }, 200);
      return Promise.all(rows.map(present));
    },

    async myApplication(citizen: PortalCitizen, reference: string) {
      return presentFull(await own(citizen, reference));
    },

    async resubmit(citizen: PortalCitizen, reference: string, data: unknown) {
      const row = await db.transaction().execute(async (trx) => {
        const portal = portalRepository(trx);
        const found = await portal.application(reference, { forUpdate: true });
        if (found === undefined || found.citizenId !== citizen.id) {
          throw new AppError('NOT_FOUND', `You have no application with reference ${reference}.`);
        }
        if (found.status !== 'needs_correction') {
          throw new AppError(
            'CONFLICT',
            `Application ${reference} is ${found.status}; only one that needs correction can be sent again.`,
          );
        }
        const seed = (await loadCatalogue()).byId.get(found.serviceId)?.seed;
        if (seed !== undefined) checkData(seed, data);
        const consent =
          found.consentId === null ? undefined : await portal.consent(found.consentId);
        const prefilledFields =
          consent === undefined || seed === undefined
            ? []
            : await fromRegister(citizen, seed, consent.fields, data);
        const actor = `citizen:${citizen.id}`;
        await portal.updateApplication(found.id, { status: 'submitted', data, prefilledFields });
        await portal.insertEvent({
          applicationId: found.id,
          status: 'submitted',
          note: 'Diperbaiki dan diajukan kembali / corrected and resubmitted',
          byRole: 'citizen',
          actor,
        });
        await recordAudit(trx, {
          actor,
          action: 'portal.application_resubmit',
          subject: reference,
        });
        return portal.application(reference);
      });
      return presentFull(row!);
    },

    async notifications(citizen: PortalCitizen) {
      const { rows, unread } = await repository.notifications(citizen.id, 100);
      return {
        items: rows.map((r) => ({
          id: r.id,
          message: r.message,
          messageEn: r.message_en,
          reference: r.reference ?? null,
          at: r.created_at.toISOString(),
          read: r.read_at !== null,
        })),
        unread,
      };
    },

    markRead: (citizen: PortalCitizen, ids: readonly number[]) =>
      repository.markRead(citizen.id, ids),

    /** Every exchange about the citizen, with agency names and the log's inclusion proofs. */
    async dataAccess(citizen: PortalCitizen) {
      const accesses = await deps.accessesAbout(citizen.nik, 200);
      return Promise.all(
        accesses.map(async (a) => ({
          requestId: a.requestId,
          at: a.at,
          consumer: {
            agencyCode: a.consumerAgency,
            agencyName: (await agency(a.consumerAgency)).name,
            system: a.consumerSystem,
          },
          provider: {
            agencyCode: a.providerAgency,
            agencyName: (await agency(a.providerAgency)).name,
            system: a.providerSystem,
            service: a.service,
          },
          purpose: a.purpose,
          status: a.status,
          proof: a.proof === null ? null : { ...a.proof, auditPath: [...a.proof.auditPath] },
        })),
      );
    },

    async queue(principal: Principal, filters: { status?: ApplicationStatus; service?: string }) {
      const serviceId =
        filters.service === undefined ? undefined : (await service(filters.service)).id;
      const rows = await repository.applications(
        {
          agencyCode: principal.agencyCode,
          ...(filters.status === undefined ? {} : { status: filters.status }),
          ...(serviceId === undefined ? {} : { serviceId }),
        },
        500,
      );
      return Promise.all(
        rows.map(async (row) => ({
          ...(await present(row)),
          applicant: { nik: row.applicantNik, name: row.applicantName },
        })),
      );
    },

    async queueItem(principal: Principal, reference: string) {
      return presentFull(inScope(principal, await repository.application(reference), reference));
    },

    async move(
      principal: Principal,
      reference: string,
      status: ApplicationStatus,
      note: string | null,
    ) {
      const row = await db.transaction().execute(async (trx) => {
        const portal = portalRepository(trx);
        const found = inScope(
          principal,
          await portal.application(reference, { forUpdate: true }),
          reference,
        );
        const allowed = OPERATOR_MOVES[found.status];
        if (!allowed.includes(status)) {
          throw new AppError(
            'CONFLICT',
            allowed.length === 0
              ? `Application ${reference} is ${found.status}; it cannot be moved by the agency.`
              : `Application ${reference} is ${found.status}; it can move to ${allowed.join(', ')}, not ${status}.`,
          );
        }
        if (
          (status === 'needs_correction' || status === 'rejected') &&
          (note === null || note.trim() === '')
        ) {
          throw new AppError(
            'VALIDATION_FAILED',
            `Say why in a note: the citizen reads it to know what to do.`,
            [{ field: '/body/note', message: `is required for ${status}` }],
          );
        }
        const actor = actorOf(principal);
        await portal.updateApplication(found.id, { status });
        await portal.insertEvent({
          applicationId: found.id,
          status,
          note,
          byRole: 'operator',
          actor,
        });
        const seed = (await loadCatalogue()).byId.get(found.serviceId)?.seed;
        await notify(trx, found, seed, status, note);
        await recordAudit(trx, {
          actor,
          action: 'portal.application_status',
          subject: reference,
          details: { from: found.status, to: status },
        });
        return portal.application(reference);
      });
      return presentFull(row!);
    },
  };
}

export type PortalService = ReturnType<typeof portalService>;

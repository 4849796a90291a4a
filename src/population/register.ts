import type pg from 'pg';

/**
 * What the population register says about one person, for the services that act on a citizen's
 * own record: the identity module matches a registration against it, the portal prefills forms
 * from it after the citizen consents.
 */
export interface RegisteredPerson {
  readonly nik: string;
  readonly name: string;
  readonly sex: 'L' | 'P';
  readonly birthDate: string;
  readonly villageCode: string;
  readonly familyCardNumber: string | null;
  readonly motherName: string | null;
  readonly deathDate: string | null;
  /** Village, district, regency and province names of the residence, as one address line. */
  readonly address: string;
}

export interface FamilyMember {
  readonly nik: string;
  readonly name: string;
  readonly sex: 'L' | 'P';
  readonly birthDate: string;
}

export interface PopulationRegister {
  person(nik: string): Promise<RegisteredPerson | undefined>;
  /** The living people on a family card (KK), the given NIK left out, eldest first. */
  familyMembers(familyCardNumber: string, exceptNik: string): Promise<FamilyMember[]>;
}

export function populationRegister(pool: pg.Pool): PopulationRegister {
  return {
    async person(nik) {
      // The residence's ancestors come from the region codes' prefixes (Kemendagri's dotted codes).
      const { rows } = await pool.query<RegisteredPerson>(
        `select p.nik, p.name, p.sex, p.birth_date as "birthDate", p.village_code as "villageCode",
                p.family_card_number as "familyCardNumber", p.mother_name as "motherName",
                p.death_date as "deathDate",
                concat_ws(', ', v.name, d.name, r.name, pr.name) as address
           from people p
           left join regions v on v.code = p.village_code
           left join regions d on d.code = left(p.village_code, 8)
           left join regions r on r.code = left(p.village_code, 5)
           left join regions pr on pr.code = left(p.village_code, 2)
          where p.nik = $1`,
        [nik],
      );
      return rows[0];
    },

    async familyMembers(familyCardNumber, exceptNik) {
      const { rows } = await pool.query<FamilyMember>(
        `select nik, name, sex, birth_date as "birthDate" from people
          where family_card_number = $1 and nik <> $2 and death_date is null
          order by birth_date, nik`,
        [familyCardNumber, exceptNik],
      );
      return rows;
    },
  };
}

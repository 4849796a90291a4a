import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { readCsvObjects } from '../platform/csv.ts';
import { pairwiseScores, type PairwiseScores } from './cluster-quality.ts';

/**
 * The clustering against hand-labelled inventories, through the same commands a user runs: import
 * with --create-missing-agencies, cluster, export; each inventory in a database of its own.
 *
 * - labelled-inventory.csv: 451 applications, 56 labels (three missing from the taxonomy), with
 *   confusable names. Its errors were studied while the keyword lists were written.
 * - labelled-inventory-2.csv: 384 applications, 58 labels (three missing from the taxonomy), written
 *   later by another hand as a held-out set. It scored 0.750 / 0.783 when it arrived; general fixes
 *   (an acronym and its expansion count once, ambiguous acronyms removed, bare keywords not matched
 *   by root) brought it to 0.853 / 0.867, and four functions its misses showed the taxonomy lacked
 *   (fleet management, room booking, the water utility, cemeteries) to 0.905 / 0.898. It is no
 *   longer unseen.
 * - labelled-inventory-3.csv: 440 applications, 59 labels (four missing from the taxonomy when it
 *   was written: cemetery, water utility, parking, emergency calls; all four are in it now),
 *   written by a third hand that saw no keyword list. Unseen, it scored 0.753 / 0.809. The
 *   cross-cutting lead rule (clustering.ts) and "diklat" no longer read as schooling brought it to
 *   0.797 / 0.838. Its labeller named the judgement calls (grants for schooling as schools, SPAN
 *   and SAKTI as finance, a pollution complaint as environment).
 * - labelled-inventory-5.csv: 358 applications, 52 labels, agencies across Indonesia, written by a
 *   fifth hand before reading the taxonomy, the acronyms or the clustering, with its own label
 *   slugs. Unseen, it scored 0.714 / 0.806 (the first three then 0.928 / 0.928, 0.922 / 0.913,
 *   0.797 / 0.838). Its labels are finer than the taxonomy in places (school admission apart from
 *   school data, village finance apart from village information, disease surveillance and
 *   nutrition apart from primary care, vehicle testing apart from transport) and coarser in one
 *   (regional tax and levies together), and it has citizen super apps as a label of their own:
 *   most of its remaining loss of precision is there, and the taxonomy was not changed to follow it.
 *
 * The errors of the first three and the fifth then led to general changes, each kept only if it
 * helped without hurting the others: longest match between keywords of different functions
 * ("kesehatan hewan" is not a clinic); a name led by a channel (complaints, website, PPID) keeps it
 * whatever sector's words follow; the functions for parking and emergency calls (112, PSC 119);
 * ambiguous words out of the dictionary and keyword lists (SIAP, SIKD, "sertifikasi"); keywords
 * moved where two labellers agreed (madrasah to schools, Renstra to planning, market stalls to
 * trade, electronic signatures to information security); reports of a sector's cases ("Lapor
 * Bencana", "Pengaduan Kekerasan") to the sector; and missing vocabulary. After them: 0.956 /
 * 0.947, 0.969 / 0.961, 0.941 / 0.940 and 0.787 / 0.902. The four are no longer unseen: their bars
 * sit a little below those figures, to catch regressions, not to claim them. (One change cost the
 * first a little: its labeller filed an e-Parkir app under levies.)
 * - labelled-inventory-4.csv: 324 applications, 62 labels (three missing from the taxonomy:
 *   legislative affairs, mining and energy, corrections), mostly agencies outside Java, written by
 *   a fourth hand and measured once: 0.793 / 0.804; once more after the changes above, which were
 *   made without looking at it: 0.838 / 0.842. It has not been used to tune anything; keep it that
 *   way, so that it stays the figure to expect of a new inventory.
 * - labelled-inventory-6.csv: 522 applications, 60 labels, agencies in Sumatra, Kalimantan,
 *   Sulawesi, Papua, Nusa Tenggara and Maluku and twelve ministries, written by a sixth hand before
 *   reading the taxonomy, the acronyms, the clustering or the other inventories, with its own label
 *   slugs. Unseen, it scored 0.689 / 0.699. Its labeller asked which applications could share one
 *   application, and so labelled coarser than the taxonomy in places (attendance and performance
 *   with personnel, archives with correspondence, levies with regional tax, payroll with finance)
 *   and finer in others (school admission, nutrition and stunting, disease surveillance, higher
 *   education, development monitoring, executive dashboards). Most of its remaining loss is there,
 *   and the taxonomy was not changed to follow it where the other labellers disagree. Its errors
 *   and the fifth's led to general changes, each kept only if it helped without hurting the
 *   others: three functions no taxonomy had (satisfaction surveys SKM/IKM and citizen super apps,
 *   both channels like complaints; internal ICT infrastructure and service desks); "portal" alone
 *   no longer evidence ("Portal Pemerintah Aceh" is not open data); short names of regions
 *   ("Sulsel", "NTT") count as place words; and vocabulary (civil servant recruitment, honorary
 *   staff, "SDM", geoportal, hak tanggungan, village finance as kampung/nagari/gampong, realisation
 *   and control of activities, census, "Lapor Damkar", SIMAK BMN). After them: 0.959 / 0.947,
 *   0.969 / 0.961, 0.941 / 0.940, 0.799 / 0.904 and 0.751 / 0.732. A function for nutrition and
 *   stunting apart from primary care, as the fifth and sixth label it, was tried and dropped: it
 *   cost the first three about 0.02 of recall, whose labellers file posyandu under primary care.
 * - labelled-inventory-7.csv: 412 applications, 42 labels, from regional governments across
 *   Indonesia and ministries, written by a seventh hand that saw none of the code, the taxonomy or
 *   the other inventories, and labelled with the functions the issue lists (personnel, attendance,
 *   employee performance, SAKIP, e-office, archives, regional finance, planning, procurement,
 *   assets, complaints, PPID, JDIH, licensing, civil registry, social assistance, primary care,
 *   hospitals, schools, libraries, regional tax, levies, websites, Satu Data) plus labels of its
 *   own for the rest. Unseen, it scored 0.913 / 0.846: far nearer the targets than the fifth and
 *   sixth, whose labellers invented their own lists. Vocabulary its misses showed (HRIS, "manajemen
 *   ASN", teachers' performance appraisal, SPP-IRT food licences, "e-Letter") brought it to
 *   0.938 / 0.884 and changed no other inventory but for the better. What it still loses is where
 *   the taxonomy is finer than the list (training and personnel, payroll and finance,
 *   building approval and licensing, parking and levies) or judgement calls (students' attendance,
 *   an e-signature service, a hospital's birth-certificate desk).
 */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/catalog/${name}`, import.meta.url));

let folder: TempFolder;
beforeAll(async () => {
  folder = await createTempFolder('padu-quality-');
});
afterAll(async () => {
  await folder?.remove();
});

async function score(
  file: string,
): Promise<{ scores: PairwiseScores; applications: number; labels: number; clusters: number }> {
  const database: TestDatabase = await createTestDatabase();
  try {
    const labels = new Map<string, string>();
    for await (const { row } of readCsvObjects(file)) labels.set(row.id ?? '', row.function ?? '');
    const name = path.basename(file, '.csv');
    const summary = await database.services.catalog.importCsv(file, {
      rejectsFile: path.join(folder.path, `${name}.rejects.csv`),
      createMissingAgencies: true,
    });
    expect(summary.rejected).toBe(0);
    expect(summary.inserted).toBe(labels.size);
    expect(summary.ignoredColumns).toEqual(['function']);

    await database.services.catalog.cluster('test');
    const out = path.join(folder.path, `${name}.clusters.csv`);
    expect(await database.services.catalog.exportClusters(out)).toBe(labels.size);
    const items: { label: string; cluster: string }[] = [];
    for await (const { row } of readCsvObjects(out)) {
      const label = labels.get(row.external_id ?? '');
      expect(label, row.external_id).toBeDefined();
      items.push({ label: label ?? '', cluster: row.cluster_id ?? '' });
    }
    expect(items).toHaveLength(labels.size);
    const scores = pairwiseScores(items);
    const result = {
      scores,
      applications: items.length,
      labels: new Set(labels.values()).size,
      clusters: new Set(items.map((i) => i.cluster)).size,
    };
    console.log(
      `${name}: ${result.applications} applications, ${result.labels} labels, ${result.clusters} clusters; ` +
        `pairwise precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`,
    );
    return result;
  } finally {
    await database.drop();
  }
}

describe('clustering quality on hand-labelled inventories', () => {
  it('finds the labelled functions: pairwise precision and recall at least 0.93 on the first', async () => {
    const { scores } = await score(fixture('labelled-inventory.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.93);
    expect(scores.recall).toBeGreaterThanOrEqual(0.93);
  });

  it('keeps at least 0.94 on the second, written later by another hand', async () => {
    const { scores } = await score(fixture('labelled-inventory-2.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.94);
    expect(scores.recall).toBeGreaterThanOrEqual(0.94);
  });

  it('keeps at least 0.91 on the third, held out from the keyword lists when written', async () => {
    const { scores } = await score(fixture('labelled-inventory-3.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.91);
    expect(scores.recall).toBeGreaterThanOrEqual(0.91);
  });

  it('keeps at least 0.78 / 0.88 on the fifth, written without seeing the keyword lists', async () => {
    const { scores } = await score(fixture('labelled-inventory-5.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.78);
    expect(scores.recall).toBeGreaterThanOrEqual(0.88);
  });

  it('keeps at least 0.73 / 0.71 on the sixth, written without seeing the keyword lists', async () => {
    const { scores } = await score(fixture('labelled-inventory-6.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.73);
    expect(scores.recall).toBeGreaterThanOrEqual(0.71);
  });

  it("keeps at least 0.92 / 0.87 on the seventh, labelled by the issue's list of functions", async () => {
    const { scores } = await score(fixture('labelled-inventory-7.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.92);
    expect(scores.recall).toBeGreaterThanOrEqual(0.87);
  });

  it('keeps at least 0.75 on the fourth, never used for tuning', async () => {
    const { scores } = await score(fixture('labelled-inventory-4.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.75);
    expect(scores.recall).toBeGreaterThanOrEqual(0.75);
  });
});

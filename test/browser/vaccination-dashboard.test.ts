import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateRegister,
  IMMUNIZATIONS_CSV_HEADER,
  immunizationCsvLine,
  PEOPLE_CSV_HEADER,
  personCsvLine,
} from '../../src/population/synthetic.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');
/** The register ends here; the page itself opens on today. */
const REGISTER_TODAY = '2025-06-30';
const EARLIER = '2021-12-31';
const POLL = { timeout: 15_000 };

/** The part of GET /api/v1/stats/children the page shows. */
interface Stats {
  region: { code: string; name: string; level: number };
  population: number;
  childrenUnder12: number;
  childrenUnder12Vaccinated: number;
  childrenUnder12FullyVaccinated: number;
  coverage: number | null;
  children: { region: { code: string } }[];
}

describe.skipIf(!hasChromium)('vaccination dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  let villages: string[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-dashboard-'));

    // A small register in a few villages of DI Yogyakarta (34) and Jawa Barat (32).
    const { regions, population } = server.database.services;
    const allVillages = await regions.codesAtLevel(4);
    villages = ['34.', '32.'].flatMap((prefix) =>
      allVillages.filter((code) => code.startsWith(prefix)).slice(0, 6),
    );
    const people = [PEOPLE_CSV_HEADER];
    const doses = [IMMUNIZATIONS_CSV_HEADER];
    for (const { person, immunizations } of generateRegister({
      count: 2000,
      seed: 3,
      villages,
      today: REGISTER_TODAY,
    })) {
      people.push(personCsvLine(person));
      doses.push(...immunizations.map(immunizationCsvLine));
    }
    const peopleFile = path.join(dir, 'people.csv');
    const dosesFile = path.join(dir, 'immunizations.csv');
    await fs.writeFile(peopleFile, people.join(''));
    await fs.writeFile(dosesFile, doses.join(''));
    expect(await population.importPeople(peopleFile, {})).toMatchObject({ rejected: 0 });
    expect(await population.importImmunizations(dosesFile, {})).toMatchObject({ rejected: 0 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  async function apiStats(region: string, asOf: string): Promise<Stats> {
    const query = new URLSearchParams({ asOf, vaccine: 'COVID-19' });
    if (region !== '') query.set('region', region);
    const response = await fetch(`${server.url}/api/v1/stats/children?${query.toString()}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Stats;
  }

  /** The region's name and counts as the page shows them ("1.234" in Bahasa Indonesia). */
  async function shownCounts(page: Page): Promise<(string | number)[]> {
    const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
    const count = async (testId: string) => Number((await text(testId)).replace(/\D/g, ''));
    return [
      await text('stats-region-name'),
      await count('stats-population'),
      await count('stats-children'),
      await count('stats-vaccinated'),
      await count('stats-fully-vaccinated'),
    ];
  }

  function countsOf(stats: Stats): (string | number)[] {
    return [
      stats.region.name,
      stats.population,
      stats.childrenUnder12,
      stats.childrenUnder12Vaccinated,
      stats.childrenUnder12FullyVaccinated,
    ];
  }

  async function expectShown(page: Page, stats: Stats): Promise<void> {
    await expect.poll(() => shownCounts(page), POLL).toEqual(countsOf(stats));
    const coverage = (await page.getByTestId('stats-coverage').textContent()) ?? '';
    if (stats.coverage === null) {
      expect(coverage).toBe('tidak ada data');
    } else {
      // "45,3%": one decimal, a decimal comma.
      const percent = Number(coverage.replace(/[^\d,]/g, '').replace(',', '.'));
      expect(percent).toBeCloseTo(stats.coverage * 100, 1);
    }
    const rows = page.getByTestId('stats-table').locator('[data-testid^="stats-row-"]');
    expect(await rows.count()).toBe(stats.children.length);
  }

  it('shows the API’s numbers from Indonesia through the map down to a district, on two dates', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url + '/');
    await page.getByRole('link', { name: 'Vaksinasi Anak' }).click();
    await expect.poll(() => page.url()).toContain('#/vaksinasi');

    const asOf = await page.getByTestId('asof-input').inputValue();
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectShown(page, await apiStats('', asOf));
    const provinces = page.getByTestId('province-map').locator('[data-testid^="map-province-"]');
    await expect.poll(() => provinces.count(), POLL).toBe(38);

    await page.getByTestId('map-province-34').click();
    await expect.poll(() => page.url()).toContain('#/vaksinasi/34');
    const province = await apiStats('34', asOf);
    expect(province.region.name).toMatch(/Yogyakarta/i);
    await expectShown(page, province);

    // Down through a regency and a district that have people.
    const regency = (villages[0] ?? '').slice(0, 5);
    const district = (villages[0] ?? '').slice(0, 8);
    await page.getByTestId(`stats-row-${regency}`).getByRole('link').click();
    await expectShown(page, await apiStats(regency, asOf));
    await page.getByTestId(`stats-row-${district}`).getByRole('link').click();
    const today = await apiStats(district, asOf);
    expect(today.population).toBeGreaterThan(0);
    await expectShown(page, today);
    const breadcrumb = (await page.getByTestId('breadcrumb').textContent()) ?? '';
    expect(breadcrumb).toContain('Indonesia');
    expect(breadcrumb).toContain(province.region.name);

    // An earlier date: other numbers, the API's for that date, and a link that keeps it.
    await page.getByTestId('asof-input').fill(EARLIER);
    await expect.poll(() => page.url()).toContain(`#/vaksinasi/${district}?asOf=${EARLIER}`);
    const earlier = await apiStats(district, EARLIER);
    expect(countsOf(earlier)).not.toEqual(countsOf(today));
    await expectShown(page, earlier);

    const screenshot = path.join(ARTIFACTS, 'vaccination-dashboard.png');
    await page.goto(`${server.url}/#/vaksinasi?asOf=${REGISTER_TODAY}`);
    await expectShown(page, await apiStats('', REGISTER_TODAY));
    await expect.poll(() => provinces.count(), POLL).toBe(38);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    expect(errors).toEqual([]);
  });
});

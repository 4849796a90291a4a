import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { ReactElement, ReactNode } from 'react';

/** Bahasa Indonesia first; English on request. */
export type Lang = 'id' | 'en';

export const LANG_STORAGE_KEY = 'padu.lang';

const id = {
  'app.name': 'Padu',
  'app.subtitle': 'Platform SPBE',
  'app.skipToContent': 'Langsung ke konten utama',
  'nav.label': 'Navigasi utama',
  'nav.regions': 'Jelajah Wilayah',
  'nav.vaccination': 'Vaksinasi Anak',
  'nav.login': 'Masuk',
  'nav.logout': 'Keluar',
  'nav.signedInAs': 'Masuk sebagai',
  'nav.logoutFailed': 'Gagal keluar: {message}',
  'lang.button': 'EN',
  'lang.buttonTitle': 'Switch to English',
  'role.platform_admin': 'Admin platform',
  'role.agency_operator': 'Operator instansi',
  'footer.dataLabel': 'Data wilayah:',
  'footer.source': 'Kepmendagri 2025',
  'footer.via': 'via',
  'footer.mapLabel': 'Peta provinsi:',
  'footer.mapBy': 'oleh',
  'footer.mapChanged': 'kode provinsi Papua disesuaikan',
  'login.title': 'Masuk',
  'login.intro': 'Masuk ke konsol pejabat SPBE.',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Memproses…',
  'login.alreadySignedIn': 'Anda sudah masuk sebagai {username}.',
  'regions.title': 'Jelajah Wilayah',
  'regions.intro':
    'Telusuri provinsi, kabupaten/kota, kecamatan, dan desa/kelurahan di seluruh Indonesia.',
  'vaccination.title': 'Vaksinasi anak',
  'vaccination.intro':
    'Anak di bawah 12 tahun dan vaksinasinya menurut wilayah, pada tanggal mana pun.',
  'vaccination.filters': 'Pilihan data',
  'vaccination.asOf': 'Per tanggal',
  'vaccination.vaccine': 'Vaksin',
  'vaccination.summary': 'Vaksin {vaccine}, per {date}',
  'vaccination.export.1': 'Unduh CSV semua provinsi',
  'vaccination.export.2': 'Unduh CSV semua kabupaten/kota',
  'vaccination.export.3': 'Unduh CSV semua kecamatan',
  'vaccination.export.4': 'Unduh CSV semua desa/kelurahan',
  'vaccination.exportHint': 'Seluruh Indonesia, untuk tanggal dan vaksin yang dipilih.',
  'stats.population': 'Penduduk',
  'stats.children': 'Anak < 12 tahun',
  'stats.vaccinated': 'Sudah dosis 1',
  'stats.fullyVaccinated': 'Lengkap (dosis 2)',
  'stats.coverage': 'Cakupan',
  'stats.noData': 'tidak ada data',
  'chart.caption': 'Cakupan {vaccine} di {name}, dari yang tertinggi',
  'map.caption': 'Cakupan {vaccine} per provinsi',
  'map.legend': 'Keterangan cakupan',
  'search.label': 'Cari wilayah',
  'search.hint': 'Ketik minimal 2 huruf, misalnya “kab bandung” atau kode “32.04”.',
  'search.searching': 'Mencari…',
  'search.none': 'Tidak ada wilayah yang cocok dengan “{query}”.',
  'search.count': '{shown} dari {total} hasil',
  'region.country': 'Negara',
  'level.1': 'Provinsi',
  'level.2': 'Kabupaten/Kota',
  'level.3': 'Kecamatan',
  'level.4': 'Desa/Kelurahan',
  'children.count.0': '{n} provinsi',
  'children.count.1': '{n} kabupaten/kota',
  'children.count.2': '{n} kecamatan',
  'children.count.3': '{n} desa/kelurahan',
  'children.count.4': 'tanpa wilayah di bawahnya',
  'children.count.0.one': '{n} provinsi',
  'children.count.1.one': '{n} kabupaten/kota',
  'children.count.2.one': '{n} kecamatan',
  'children.count.3.one': '{n} desa/kelurahan',
  'children.caption.1': 'Provinsi di {name}',
  'children.caption.2': 'Kabupaten/kota di {name}',
  'children.caption.3': 'Kecamatan di {name}',
  'children.caption.4': 'Desa/kelurahan di {name}',
  'children.code': 'Kode',
  'children.name': 'Nama',
  'children.empty': 'Desa/kelurahan adalah tingkat terendah; tidak ada wilayah di bawahnya.',
  'children.partial': 'Menampilkan {shown} dari {total}.',
  'breadcrumb.separator': '›',
  'nav.catalog': 'Katalog Aplikasi',
  'catalog.tabs': 'Bagian katalog',
  'catalog.tab.inventory': 'Inventaris',
  'catalog.tab.clusters': 'Tinjau klaster',
  'catalog.tab.plan': 'Rencana rasionalisasi',
  'catalog.loginRequired': 'Katalog aplikasi hanya untuk pejabat yang sudah masuk.',
  'catalog.inventory.title': 'Inventaris aplikasi',
  'catalog.inventory.intro':
    'Aplikasi instansi pusat dan daerah, dengan klaster fungsi yang sama dan aplikasi umum tujuannya.',
  'catalog.inventory.count': '{count} aplikasi',
  'catalog.search': 'Cari',
  'catalog.searchPlaceholder': 'Nama, singkatan atau deskripsi',
  'catalog.searchButton': 'Terapkan',
  'catalog.all': 'Semua',
  'catalog.function': 'Fungsi',
  'catalog.status': 'Status',
  'catalog.status.active': 'Aktif',
  'catalog.status.development': 'Dalam pengembangan',
  'catalog.status.retired': 'Tidak aktif',
  'catalog.name': 'Nama',
  'catalog.agency': 'Instansi',
  'catalog.unit': 'Unit pemilik',
  'catalog.sourceId': 'ID di inventaris instansi',
  'catalog.annualCost': 'Biaya per tahun',
  'catalog.personalData': 'Mengolah data pribadi',
  'catalog.hosting': 'Hosting',
  'catalog.technology': 'Teknologi',
  'catalog.description': 'Deskripsi',
  'catalog.noDescription': 'Tanpa deskripsi.',
  'catalog.yes': 'Ya',
  'catalog.no': 'Tidak',
  'catalog.confidence': 'Keyakinan',
  'catalog.decided': 'Diputuskan',
  'catalog.decidedCount': 'Diputuskan',
  'catalog.similarityGroup': 'Kelompok kemiripan',
  'catalog.previous': 'Sebelumnya',
  'catalog.next': 'Berikutnya',
  'catalog.pageOf': '{from}–{to} dari {total}',
  'catalog.application': 'Aplikasi',
  'catalog.cluster': 'Klaster',
  'catalog.notClustered': 'Belum dikelompokkan; jalankan pengelompokan.',
  'catalog.sharedApplication': 'Aplikasi umum',
  'catalog.evidence': 'Bukti',
  'catalog.evidence.terms': 'Istilah yang cocok',
  'catalog.evidence.neighbours': 'Tetangga terdekat yang sudah diputuskan',
  'catalog.evidence.runnerUp': 'Fungsi terdekat berikutnya',
  'catalog.field.name': 'nama',
  'catalog.field.description': 'deskripsi',
  'catalog.field.unit': 'unit',
  'catalog.decisions': 'Keputusan pejabat',
  'catalog.noDecisions': 'Belum ada keputusan.',
  'catalog.decision.confirm': 'Dikonfirmasi',
  'catalog.decision.move': 'Dipindahkan',
  'catalog.decision.split': 'Dipisahkan',
  'catalog.decision.reset': 'Dikembalikan ke otomatis',
  'catalog.clusters.title': 'Tinjau klaster',
  'catalog.clusters.intro':
    'Aplikasi yang menjalankan fungsi yang sama di berbagai instansi, calon konsolidasi ke satu aplikasi umum. Konfirmasi, pindahkan atau pisahkan; keputusan Anda mengarahkan pengelompokan berikutnya.',
  'catalog.clusters.all': 'Semua klaster',
  'catalog.clusters.none': 'Belum ada klaster. Impor inventaris lalu jalankan pengelompokan.',
  'catalog.clusters.members': '{shown} dari {total} aplikasi ditampilkan',
  'catalog.applications': 'Aplikasi',
  'catalog.agencies': 'Instansi',
  'catalog.confirmCluster': 'Konfirmasi klaster ({count} aplikasi)',
  'catalog.moveTo': 'Pindahkan ke fungsi',
  'catalog.moveSelected': 'Pindahkan terpilih ({count})',
  'catalog.splitSelected': 'Pisahkan terpilih ({count})',
  'catalog.select': 'Pilih',
  'catalog.selectApplication': 'Pilih {name}',
  'catalog.decided.done':
    '{decision}: {count} aplikasi; dikelompokkan ulang dalam {seconds} detik.',
  'catalog.noFunction': 'Tanpa fungsi',
  'catalog.plan.title': 'Rencana rasionalisasi',
  'catalog.plan.intro':
    'Keputusan TIME per aplikasi (Tolerate, Invest, Migrate, Eliminate), migrasi ke aplikasi umum, dan kemajuannya.',
  'catalog.plan.headline': '{from} aplikasi → {to} setelah rencana selesai',
  'catalog.plan.remaining': 'Tersisa',
  'catalog.plan.migrated': 'Sudah dimigrasi',
  'catalog.plan.retired': 'Sudah dihentikan',
  'catalog.plan.unplanned': 'Belum direncanakan',
  'catalog.plan.overdue': 'Lewat tenggat',
  'catalog.plan.going': 'Direncanakan migrasi/hapus',
  'catalog.plan.kept': 'Dipertahankan',
  'catalog.plan.target': 'Setelah rencana',
  'catalog.plan.costSaved': 'Hemat per tahun',
  'catalog.plan.costSavedWhenDone': 'Hemat per tahun bila selesai',
  'catalog.plan.draft': 'Susun draf rencana untuk {count} aplikasi',
  'catalog.plan.drafted': '{count} entri rencana disusun dari klaster.',
  'catalog.plan.byFunction': 'Kemajuan per fungsi',
  'catalog.plan.byAgency': 'Kemajuan per instansi (terbanyak aplikasi)',
  'catalog.planForm.decision': 'Keputusan (TIME)',
  'catalog.planForm.deadline': 'Tenggat',
  'catalog.planForm.completedOn': 'Selesai pada',
  'catalog.planForm.completedHint': 'Mengisi tanggal selesai menandai aplikasi tidak aktif.',
  'catalog.planForm.note': 'Catatan',
  'catalog.planForm.save': 'Simpan rencana',
  'catalog.planForm.saved': 'Rencana disimpan.',
  'catalog.planForm.none': 'Belum ada rencana untuk aplikasi ini.',
  'catalog.time.tolerate': 'Tolerate — dipertahankan apa adanya',
  'catalog.time.invest': 'Invest — dikembangkan',
  'catalog.time.migrate': 'Migrate — pindah ke aplikasi umum',
  'catalog.time.eliminate': 'Eliminate — dihentikan',
  'catalog.plan.download': 'Unduh rencana:',
  'status.loading': 'Memuat…',
  'error.network': 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
  'error.http': 'Permintaan gagal (HTTP {status}).',
  'error.retry': 'Coba lagi',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.back': 'Kembali ke Jelajah Wilayah',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.name': 'Padu',
  'app.subtitle': 'SPBE platform',
  'app.skipToContent': 'Skip to main content',
  'nav.label': 'Main navigation',
  'nav.regions': 'Region explorer',
  'nav.vaccination': "Children's vaccination",
  'nav.login': 'Log in',
  'nav.logout': 'Log out',
  'nav.signedInAs': 'Signed in as',
  'nav.logoutFailed': 'Could not log out: {message}',
  'lang.button': 'ID',
  'lang.buttonTitle': 'Ganti ke Bahasa Indonesia',
  'role.platform_admin': 'Platform admin',
  'role.agency_operator': 'Agency operator',
  'footer.dataLabel': 'Region data:',
  'footer.source': 'Kepmendagri 2025',
  'footer.via': 'via',
  'footer.mapLabel': 'Province map:',
  'footer.mapBy': 'by',
  'footer.mapChanged': 'Papua province codes adjusted',
  'login.title': 'Log in',
  'login.intro': "Sign in to the SPBE officials' console.",
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Signing in…',
  'login.alreadySignedIn': 'You are signed in as {username}.',
  'regions.title': 'Region explorer',
  'regions.intro':
    'Browse the provinces, regencies and cities, districts and villages of Indonesia.',
  'vaccination.title': "Children's vaccination",
  'vaccination.intro': 'Children under 12 and their vaccination by region, on any date.',
  'vaccination.filters': 'Data options',
  'vaccination.asOf': 'As of',
  'vaccination.vaccine': 'Vaccine',
  'vaccination.summary': '{vaccine} vaccine, as of {date}',
  'vaccination.export.1': 'Download CSV of all provinces',
  'vaccination.export.2': 'Download CSV of all regencies and cities',
  'vaccination.export.3': 'Download CSV of all districts',
  'vaccination.export.4': 'Download CSV of all villages',
  'vaccination.exportHint': 'All of Indonesia, for the chosen date and vaccine.',
  'stats.population': 'Population',
  'stats.children': 'Children under 12',
  'stats.vaccinated': 'Vaccinated (dose 1)',
  'stats.fullyVaccinated': 'Fully vaccinated (dose 2)',
  'stats.coverage': 'Coverage',
  'stats.noData': 'no data',
  'chart.caption': '{vaccine} coverage in {name}, highest first',
  'map.caption': '{vaccine} coverage by province',
  'map.legend': 'Coverage legend',
  'search.label': 'Search regions',
  'search.hint': 'Type at least 2 characters, e.g. “kab bandung” or the code “32.04”.',
  'search.searching': 'Searching…',
  'search.none': 'No regions match “{query}”.',
  'search.count': '{shown} of {total} results',
  'region.country': 'Country',
  'level.1': 'Province',
  'level.2': 'Regency/City',
  'level.3': 'District',
  'level.4': 'Village',
  'children.count.0': '{n} provinces',
  'children.count.1': '{n} regencies/cities',
  'children.count.2': '{n} districts',
  'children.count.3': '{n} villages',
  'children.count.4': 'no regions below',
  'children.count.0.one': '{n} province',
  'children.count.1.one': '{n} regency/city',
  'children.count.2.one': '{n} district',
  'children.count.3.one': '{n} village',
  'children.caption.1': 'Provinces in {name}',
  'children.caption.2': 'Regencies and cities in {name}',
  'children.caption.3': 'Districts in {name}',
  'children.caption.4': 'Villages in {name}',
  'children.code': 'Code',
  'children.name': 'Name',
  'children.empty': 'Villages are the lowest level; there are no regions below.',
  'children.partial': 'Showing {shown} of {total}.',
  'breadcrumb.separator': '›',
  'nav.catalog': 'Application catalog',
  'catalog.tabs': 'Catalog sections',
  'catalog.tab.inventory': 'Inventory',
  'catalog.tab.clusters': 'Cluster review',
  'catalog.tab.plan': 'Rationalisation plan',
  'catalog.loginRequired': 'The application catalog is for signed-in officials.',
  'catalog.inventory.title': 'Application inventory',
  'catalog.inventory.intro':
    'Central and regional agencies’ applications, with the cluster of the same function and its shared application.',
  'catalog.inventory.count': '{count} applications',
  'catalog.search': 'Search',
  'catalog.searchPlaceholder': 'Name, acronym or description',
  'catalog.searchButton': 'Apply',
  'catalog.all': 'All',
  'catalog.function': 'Function',
  'catalog.status': 'Status',
  'catalog.status.active': 'Active',
  'catalog.status.development': 'In development',
  'catalog.status.retired': 'Retired',
  'catalog.name': 'Name',
  'catalog.agency': 'Agency',
  'catalog.unit': 'Owning unit',
  'catalog.sourceId': 'ID in the agency’s inventory',
  'catalog.annualCost': 'Annual cost',
  'catalog.personalData': 'Processes personal data',
  'catalog.hosting': 'Hosting',
  'catalog.technology': 'Technology',
  'catalog.description': 'Description',
  'catalog.noDescription': 'No description.',
  'catalog.yes': 'Yes',
  'catalog.no': 'No',
  'catalog.confidence': 'Confidence',
  'catalog.decided': 'Decided',
  'catalog.decidedCount': 'Decided',
  'catalog.similarityGroup': 'Similarity group',
  'catalog.previous': 'Previous',
  'catalog.next': 'Next',
  'catalog.pageOf': '{from}–{to} of {total}',
  'catalog.application': 'Application',
  'catalog.cluster': 'Cluster',
  'catalog.notClustered': 'Not clustered yet; run the clustering.',
  'catalog.sharedApplication': 'Shared application',
  'catalog.evidence': 'Evidence',
  'catalog.evidence.terms': 'Matching terms',
  'catalog.evidence.neighbours': 'Nearest decided neighbours',
  'catalog.evidence.runnerUp': 'Next closest function',
  'catalog.field.name': 'name',
  'catalog.field.description': 'description',
  'catalog.field.unit': 'unit',
  'catalog.decisions': 'Officials’ decisions',
  'catalog.noDecisions': 'No decisions yet.',
  'catalog.decision.confirm': 'Confirmed',
  'catalog.decision.move': 'Moved',
  'catalog.decision.split': 'Split off',
  'catalog.decision.reset': 'Reset to automatic',
  'catalog.clusters.title': 'Cluster review',
  'catalog.clusters.intro':
    'Applications doing the same job across agencies, candidates to consolidate onto one shared application. Confirm, move or split; your decisions steer the next clustering.',
  'catalog.clusters.all': 'All clusters',
  'catalog.clusters.none': 'No clusters yet. Import an inventory, then run the clustering.',
  'catalog.clusters.members': '{shown} of {total} applications shown',
  'catalog.applications': 'Applications',
  'catalog.agencies': 'Agencies',
  'catalog.confirmCluster': 'Confirm cluster ({count} applications)',
  'catalog.moveTo': 'Move to function',
  'catalog.moveSelected': 'Move selected ({count})',
  'catalog.splitSelected': 'Split off selected ({count})',
  'catalog.select': 'Select',
  'catalog.selectApplication': 'Select {name}',
  'catalog.decided.done': '{decision}: {count} applications; re-clustered in {seconds} s.',
  'catalog.noFunction': 'No function',
  'catalog.plan.title': 'Rationalisation plan',
  'catalog.plan.intro':
    'A TIME decision per application (Tolerate, Invest, Migrate, Eliminate), migrations onto shared applications, and their progress.',
  'catalog.plan.headline': '{from} applications → {to} when the plan is done',
  'catalog.plan.remaining': 'Remaining',
  'catalog.plan.migrated': 'Migrated',
  'catalog.plan.retired': 'Retired',
  'catalog.plan.unplanned': 'Unplanned',
  'catalog.plan.overdue': 'Overdue',
  'catalog.plan.going': 'Planned to migrate or eliminate',
  'catalog.plan.kept': 'Kept',
  'catalog.plan.target': 'After the plan',
  'catalog.plan.costSaved': 'Saved per year',
  'catalog.plan.costSavedWhenDone': 'Saved per year when done',
  'catalog.plan.draft': 'Draft a plan for {count} applications',
  'catalog.plan.drafted': '{count} plan entries drafted from the clusters.',
  'catalog.plan.byFunction': 'Progress per function',
  'catalog.plan.byAgency': 'Progress per agency (most applications first)',
  'catalog.planForm.decision': 'Decision (TIME)',
  'catalog.planForm.deadline': 'Deadline',
  'catalog.planForm.completedOn': 'Completed on',
  'catalog.planForm.completedHint': 'A completion date retires the application.',
  'catalog.planForm.note': 'Note',
  'catalog.planForm.save': 'Save the plan',
  'catalog.planForm.saved': 'Plan saved.',
  'catalog.planForm.none': 'No plan for this application yet.',
  'catalog.time.tolerate': 'Tolerate — keep as it is',
  'catalog.time.invest': 'Invest — develop further',
  'catalog.time.migrate': 'Migrate — move to a shared application',
  'catalog.time.eliminate': 'Eliminate — retire',
  'catalog.plan.download': 'Download the plan:',
  'status.loading': 'Loading…',
  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.http': 'The request failed (HTTP {status}).',
  'error.retry': 'Try again',
  'notFound.title': 'Page not found',
  'notFound.back': 'Back to the region explorer',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Vars = Readonly<Record<string, string | number>>;

/** Looks a message up and fills its {placeholders}. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const message = dictionaries[lang][key];
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Formats a count the way the current language writes numbers. */
  formatNumber: (n: number) => string;
  /** Formats a fraction (0..1) as a percentage with at most one decimal: "45,3%". */
  formatPercent: (fraction: number) => string;
  /** Formats a calendar date (YYYY-MM-DD) in words: "30 Juni 2025". */
  formatDate: (date: string) => string;
}

function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : 'id';
  } catch {
    return 'id';
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }): ReactElement {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    // Calendar dates are read as UTC midnight, so format them in UTC: no day shifts.
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      formatNumber: (n) => numbers.format(n),
      formatPercent: (fraction) => percents.format(fraction),
      formatDate: (date) => {
        const time = Date.parse(`${date}T00:00:00Z`);
        return Number.isNaN(time) ? date : dates.format(time);
      },
    };
  }, [lang, setLang]);

  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

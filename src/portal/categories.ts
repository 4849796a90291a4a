import type { LifeEvent, ServiceCategory } from './services.data.ts';

/** The portal's browsing: categories of service, and the life events that bundle them. */
export const CATEGORY_NAMES: Readonly<Record<ServiceCategory, { name: string; nameEn: string }>> = {
  kependudukan: { name: 'Kependudukan', nameEn: 'Civil registry and identity' },
  kesehatan: { name: 'Kesehatan', nameEn: 'Health' },
  pendidikan: { name: 'Pendidikan', nameEn: 'Education' },
  usaha: { name: 'Usaha dan perizinan', nameEn: 'Business and licensing' },
  sosial: { name: 'Bantuan sosial', nameEn: 'Social assistance' },
  ketenagakerjaan: { name: 'Ketenagakerjaan', nameEn: 'Employment' },
  hukum: { name: 'Hukum dan kepolisian', nameEn: 'Legal and police' },
  keimigrasian: { name: 'Keimigrasian', nameEn: 'Immigration' },
  pajak: { name: 'Pajak dan keuangan', nameEn: 'Tax and finance' },
  pertanahan: { name: 'Pertanahan dan bangunan', nameEn: 'Land and buildings' },
  transportasi: { name: 'Transportasi', nameEn: 'Transport' },
  keagamaan: { name: 'Keagamaan', nameEn: 'Religious affairs' },
  pengaduan: {
    name: 'Pengaduan dan informasi publik',
    nameEn: 'Complaints and public information',
  },
};

export const LIFE_EVENT_NAMES: Readonly<Record<LifeEvent, { name: string; nameEn: string }>> = {
  kelahiran: { name: 'Memiliki bayi', nameEn: 'Having a baby' },
  'memulai-usaha': { name: 'Memulai usaha', nameEn: 'Starting a business' },
  'pindah-rumah': { name: 'Pindah rumah', nameEn: 'Moving house' },
  menikah: { name: 'Menikah', nameEn: 'Getting married' },
  kematian: { name: 'Kematian anggota keluarga', nameEn: 'A death in the family' },
  'mencari-kerja': { name: 'Mencari kerja', nameEn: 'Looking for work' },
  'masuk-sekolah': { name: 'Masuk sekolah', nameEn: 'Starting school' },
  sakit: { name: 'Sakit dan berobat', nameEn: 'Falling ill' },
};

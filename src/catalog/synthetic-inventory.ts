import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { toCsvLine } from '../platform/csv.ts';
import { randomGenerator } from '../platform/random.ts';

/**
 * A deterministic synthetic application inventory, written like the inventories agencies report
 * to SPBE: full Indonesian names, acronyms and e-/Si-/Sim- names, brand names, region suffixes,
 * versions, misspellings, vague descriptions, units that built apps for others, agencies written
 * in several ways. Each row keeps its true function (column `function`, which the import ignores),
 * so that clustering can be measured on it. The vocabulary below is written apart from the
 * taxonomy's keywords (taxonomy.data.ts), so that figures on it are not circular; three functions
 * are outside the taxonomy on purpose.
 */

export interface SyntheticAgency {
  name: string;
  level: 'pusat' | 'provinsi' | 'kabupaten' | 'kota';
}

export interface SyntheticApplication {
  id: string;
  name: string;
  acronym: string;
  description: string;
  agency: string;
  agencyLevel: SyntheticAgency['level'];
  unit: string;
  function: string;
}

interface Vocabulary {
  code: string;
  weight: number;
  full: string[];
  short: string[];
  brands: string[];
  descriptions: string[];
  units: string[];
}

// function | relative frequency | full names | acronyms and prefixed names | brand names |
// descriptions | owning units (lists separated by ";")
const TABLE = `
hr-personnel|3|Sistem Informasi Manajemen Kepegawaian;Aplikasi Layanan Kepegawaian;Sistem Informasi Kepegawaian Daerah;Aplikasi Data Pegawai|SIMPEG;SIMPEGDA;e-Kepegawaian;SiPeg;SIKEP|MANTRA;Si Kepo;Sapa ASN|Pengelolaan data induk dan riwayat jabatan pegawai ASN.;Layanan kenaikan pangkat, mutasi dan pensiun pegawai secara daring.;Database kepegawaian untuk usulan cuti dan kenaikan gaji berkala.|BKPSDM;BKD;BKPP;Badan Kepegawaian Daerah
attendance|2|Sistem Presensi Pegawai;Aplikasi Kehadiran Pegawai;Sistem Absensi Online|e-Presensi;e-Absen;SiHadir;ABSENSI ONLINE|Si Jempol;Hadirku;Geo Presensi|Pencatatan kehadiran pegawai dengan swafoto dan lokasi GPS.;Rekap jam masuk dan pulang pegawai untuk dasar pemotongan tunjangan.;Absensi pegawai berbasis pengenalan wajah.|BKPSDM;BKD;Bagian Organisasi
employee-performance|2|Sistem Informasi Kinerja Pegawai;Aplikasi Sasaran Kinerja Pegawai;Aplikasi Laporan Aktivitas Harian|e-Kinerja;e-SKP;SIKAP Pegawai;e-TPP|Kinerjaku|Pencatatan aktivitas harian pegawai sebagai dasar pembayaran TPP.;Penyusunan dan penilaian SKP pegawai oleh atasan langsung.;Laporan kinerja individu ASN bulanan.|BKPSDM;BKD
organisational-performance|1.5|Sistem Akuntabilitas Kinerja Instansi Pemerintah;Aplikasi Pengukuran Kinerja Perangkat Daerah|e-SAKIP;e-Kinerja;SIMONEV Kinerja;e-LKjIP|e-Performance|Penyusunan perjanjian kinerja, pengukuran IKU dan LKjIP perangkat daerah.;Evaluasi akuntabilitas kinerja instansi dan pohon kinerja.;Monitoring capaian indikator kinerja utama OPD per triwulan.|Bagian Organisasi;Bappeda;Inspektorat
e-office|3|Sistem Tata Naskah Dinas Elektronik;Aplikasi Persuratan Elektronik;Aplikasi Surat Menyurat|e-Office;TNDE;SIMASDIN;e-Surat;SIPAS|Nadine;Srikandi Daerah|Surat masuk, surat keluar dan disposisi pimpinan secara elektronik.;Naskah dinas dengan tanda tangan elektronik dan penomoran otomatis.;Pengiriman undangan dan nota dinas antar perangkat daerah.|Bagian Umum;Sekretariat Daerah;Diskominfo
archives|1.5|Sistem Informasi Kearsipan Dinamis;Aplikasi Pengelolaan Arsip;Sistem Informasi Arsip Statis|SIKD;e-Arsip;SIMARSIP;SiPenyu|Arsipku|Pengelolaan arsip aktif dan inaktif sesuai jadwal retensi.;Digitalisasi dan alih media arsip daerah.;Penelusuran khazanah arsip statis untuk publik.|Dinas Perpustakaan dan Kearsipan;Dinas Kearsipan;Bagian Umum
regional-finance|2|Sistem Informasi Keuangan Daerah;Aplikasi Penatausahaan Keuangan;Sistem Akuntansi Keuangan Daerah|SIMDA Keuangan;SIPKD;SIKD Keuangan;e-SPJ|CMS Pemda|Penatausahaan SPP, SPM dan SP2D belanja daerah.;Akuntansi dan penyusunan laporan keuangan pemerintah daerah.;Pertanggungjawaban bendahara pengeluaran OPD.|BPKAD;BPKD;BPPKAD
planning-budgeting|2|Sistem Informasi Perencanaan Pembangunan Daerah;Aplikasi Musrenbang Online;Sistem Perencanaan dan Penganggaran|e-Planning;e-Budgeting;SIMDA Perencanaan;e-Musrenbang;SIPD Perencanaan|Pokir Online|Penyusunan RKPD dan usulan musrenbang dari kelurahan.;Penganggaran APBD berbasis kinerja dari RKA hingga DPA.;Pengendalian dan evaluasi rencana pembangunan daerah.|Bappeda;Bapperida;Bappelitbangda
procurement|1.5|Layanan Pengadaan Secara Elektronik;Sistem Informasi Pengadaan Barang dan Jasa;Aplikasi Katalog Lokal|LPSE;e-Procurement;SIMPBJ;SiRUP Daerah|Toko Daring Daerah|Tender dan seleksi penyedia barang/jasa secara elektronik.;Rencana umum pengadaan dan monitoring paket pekerjaan.;Katalog elektronik produk lokal untuk belanja pemerintah.|UKPBJ;Bagian Pengadaan Barang dan Jasa;Bagian PBJ
assets|1.5|Sistem Informasi Manajemen Barang Milik Daerah;Aplikasi Inventarisasi Aset;Sistem Informasi Aset Daerah|SIMDA BMD;SIMBADA;SIMAS;e-Aset|Asetku|Inventarisasi barang milik daerah dan kartu inventaris barang.;Pencatatan penyusutan dan mutasi aset tetap.;Pengelolaan kendaraan dinas dan persediaan barang.|BPKAD;Bidang Aset;BPKPAD
complaints|3|Sistem Pengaduan Masyarakat;Aplikasi Layanan Aspirasi dan Pengaduan Online;Aplikasi Pengaduan Warga|e-Pengaduan;SIPP Pengaduan;LAPOR Daerah;SiAduan|Sambat Online;Lapor Bupati;Wadul Guse;Sapa Warga|Kanal aduan masyarakat atas pelayanan publik dan tindak lanjut OPD.;Warga menyampaikan keluhan dan aspirasi disertai foto lokasi.;Penanganan laporan masyarakat yang terhubung ke SP4N-LAPOR.|Diskominfo;Bagian Organisasi;Inspektorat
public-information|1|Sistem Informasi Pejabat Pengelola Informasi dan Dokumentasi;Aplikasi Permohonan Informasi Publik|e-PPID;PPID Online;SIPPID|Info Publik|Permohonan dan keberatan informasi publik oleh masyarakat.;Daftar informasi publik yang wajib diumumkan berkala.|Diskominfo;PPID Utama
legal-documents|1.2|Jaringan Dokumentasi dan Informasi Hukum;Sistem Informasi Produk Hukum Daerah|JDIH;e-Perda;SILEGDA;SIPRODUKHUKUM|Hukumku|Publikasi peraturan daerah, peraturan bupati dan keputusan kepala daerah.;Penyusunan dan harmonisasi rancangan produk hukum daerah.|Bagian Hukum;Biro Hukum
licensing|3|Sistem Informasi Perizinan Online;Aplikasi Pelayanan Perizinan Terpadu;Sistem Pelayanan Izin Usaha|SiCantik;e-Perizinan;SIMPATIK;SIPPT;e-Izin|Jogja Smart Service;Izinku;SIP Online|Pengajuan izin usaha, izin praktik dan non perizinan secara online.;Penerbitan surat izin dan rekomendasi teknis terintegrasi OSS.;Pelacakan status berkas permohonan izin oleh pemohon.|DPMPTSP;Dinas Penanaman Modal dan PTSP
building-approval|1|Sistem Informasi Manajemen Bangunan Gedung;Aplikasi Persetujuan Bangunan Gedung|SIMBG;e-IMB;PBG Online;SLF Online|Bangun Mudah|Permohonan PBG dan sertifikat laik fungsi bangunan.;Perhitungan retribusi dan verifikasi teknis bangunan gedung.|Dinas PUPR;DPMPTSP;Dinas Perumahan
civil-registry|2|Sistem Informasi Administrasi Kependudukan;Aplikasi Pelayanan Dokumen Kependudukan;Aplikasi Akta Kelahiran Online|SIAK;e-Dukcapil;SIPENDUDUK;Adminduk Online|Dukcapil Go;Klampid|Permohonan KTP-el, kartu keluarga dan akta kelahiran secara daring.;Pelayanan pindah datang dan akta kematian penduduk.;Pencetakan dokumen kependudukan di kecamatan.|Disdukcapil;Dinas Kependudukan dan Pencatatan Sipil
social-assistance|2|Sistem Informasi Kesejahteraan Sosial;Aplikasi Data Terpadu Kesejahteraan Sosial;Aplikasi Penyaluran Bantuan Sosial|SIKS-NG;e-Bansos;SIDTKS;SIMBANSOS|Cek Bansos;Jaring Pengaman|Pendataan keluarga miskin dan usulan penerima bantuan sosial.;Verifikasi dan validasi DTKS oleh operator desa.;Penyaluran bantuan PKH dan BPNT kepada penerima manfaat.|Dinas Sosial;Dinsos
primary-health-care|3|Sistem Informasi Manajemen Puskesmas;Aplikasi Pelayanan Puskesmas;Sistem Informasi Kesehatan Daerah|SIMPUS;e-Puskesmas;SIKDA;ePosyandu;SI Imunisasi|Dottoro'ta;Sehatku|Pendaftaran pasien, rekam medis dan resep di puskesmas.;Pencatatan posyandu, imunisasi dan tumbuh kembang balita.;Pelaporan kunjungan dan penyakit dari puskesmas ke dinas kesehatan.|Dinas Kesehatan;Dinkes;UPTD Puskesmas
hospitals|2|Sistem Informasi Manajemen Rumah Sakit;Aplikasi Pelayanan RSUD|SIMRS;SIMRS RSUD;e-RSUD;SIRS|Bed Monitoring;Khanza|Pendaftaran rawat jalan, rawat inap, farmasi dan billing rumah sakit.;Informasi ketersediaan tempat tidur dan antrean poliklinik RSUD.;Klaim BPJS dan rekam medis elektronik rumah sakit.|RSUD;Rumah Sakit Umum Daerah;Dinas Kesehatan
schools|2.5|Sistem Informasi Penerimaan Peserta Didik Baru;Aplikasi Rapor Digital;Sistem Informasi Manajemen Sekolah|PPDB Online;e-Rapor;SIMSEKOLAH;SIAKAD Sekolah|Sekolahku;Rumah Belajar|Pendaftaran siswa baru SD dan SMP dengan jalur zonasi.;Penilaian dan rapor siswa oleh guru.;Data sekolah, guru dan peserta didik di kabupaten.|Dinas Pendidikan;Disdikbud;Dinas Pendidikan dan Kebudayaan
libraries|1.5|Sistem Informasi Perpustakaan;Aplikasi Perpustakaan Digital;Sistem Otomasi Perpustakaan|SIMPUS;SimPus;e-Library;iPerpus|Baca Yuk;Pustakaku|Katalog koleksi buku dan peminjaman anggota perpustakaan daerah.;Perpustakaan digital dengan koleksi e-book untuk masyarakat.;Layanan keanggotaan dan sirkulasi buku.|Dinas Perpustakaan dan Kearsipan;Dinas Perpustakaan
regional-tax|2|Sistem Informasi Pajak Daerah;Aplikasi Pelaporan Pajak Online;Sistem Manajemen Informasi Objek Pajak|SIMDA Pendapatan;e-SPTPD;e-BPHTB;SISMIOP;e-PBB|Tapping Box;Sakpole;Pajakku|Pelaporan pajak hotel, restoran dan hiburan oleh wajib pajak.;Pembayaran PBB-P2 dan penerbitan SPPT.;Validasi BPHTB atas transaksi tanah dan bangunan.|Bapenda;Badan Pendapatan Daerah;BPPKAD
levies|1.5|Sistem Informasi Retribusi Daerah;Aplikasi Retribusi Pasar;Aplikasi Retribusi Parkir|e-Retribusi;SIMRETDA;e-Parkir;SIRETRIBUSI|Karcis Digital|Pemungutan retribusi pasar dan sewa kios secara non tunai.;Pembayaran retribusi sampah dan kebersihan oleh rumah tangga.;Setoran juru parkir dan retribusi parkir tepi jalan.|Dinas Perdagangan;Dinas Lingkungan Hidup;Dinas Perhubungan;Bapenda
village-administration|2|Sistem Informasi Desa;Aplikasi Administrasi Pemerintahan Desa;Sistem Keuangan Desa|SID;OpenSID;Siskeudes;e-Desa;SIPADES|Desa Digital;Desaku|Profil desa, data penduduk desa dan surat keterangan warga.;Pengelolaan APBDes dan laporan dana desa.;Pelayanan surat pengantar di kantor desa.|DPMD;Dinas Pemberdayaan Masyarakat dan Desa;Kecamatan
statistics-data|2|Portal Satu Data Daerah;Sistem Informasi Statistik Sektoral;Aplikasi Data Sektoral|Satu Data;SIDAKEP;e-Data;Open Data|Dataku;Dashboard Kabupaten|Portal dataset sektoral perangkat daerah dengan metadata.;Kompilasi statistik sektoral dan indikator pembangunan.;Walidata mengumpulkan data dari produsen data OPD.|Diskominfo;Bappeda;Dinas Kominfo dan Statistik
website-portal|3|Website Resmi Pemerintah Daerah;Portal Berita Daerah;Website Perangkat Daerah|Web Portal;CMS Website;Portal Resmi|Media Center|Situs resmi dengan profil daerah, berita dan pengumuman.;Portal berita kegiatan pemerintah daerah.;Website dinas untuk publikasi agenda dan galeri.|Diskominfo;Bagian Humas;Bagian Protokol dan Komunikasi Pimpinan
payroll|1.5|Sistem Informasi Penggajian;Aplikasi Gaji Pegawai;Aplikasi Daftar Gaji|SIMDA Gaji;GPP;e-Gaji;SIPP Gaji|Slip Gaji Online|Perhitungan gaji, potongan dan tunjangan pegawai setiap bulan.;Cetak daftar gaji dan slip gaji ASN.;Pembayaran gaji PPPK dan honorarium.|BPKAD;BKD
training|1.5|Sistem Informasi Pendidikan dan Pelatihan;Aplikasi Pengembangan Kompetensi ASN;Learning Management System ASN|SIMDIKLAT;e-Learning ASN;LMS BPSDM;e-Diklat|ASN Unggul;Corpu Daerah|Pendaftaran diklat dan pelatihan teknis bagi ASN.;Pembelajaran daring dan sertifikat pengembangan kompetensi pegawai.;Catatan jam pelajaran pengembangan kompetensi ASN.|BPSDM;BKPSDM;Badan Pengembangan SDM
disaster-management|1.2|Sistem Informasi Penanggulangan Bencana;Aplikasi Peringatan Dini Bencana|SIPBD;e-Bencana;SIGAB;Early Warning System|Siaga Bencana;InaRisk Daerah|Pelaporan kejadian bencana banjir dan tanah longsor.;Peringatan dini dan jalur evakuasi bagi warga.;Data pengungsi dan logistik bencana.|BPBD;Badan Penanggulangan Bencana Daerah
spatial-planning|1.2|Sistem Informasi Tata Ruang;Aplikasi Peta Digital Daerah;Geoportal Daerah|SITARU;WebGIS;SIMTARU;e-Peta|Peta Kita|Peta rencana tata ruang wilayah dan rencana detail tata ruang.;Informasi kesesuaian pemanfaatan ruang bagi pemohon.;Simpul jaringan informasi geospasial daerah.|Dinas PUPR;Bappeda;Dinas Pertanahan dan Tata Ruang
agriculture|1.2|Sistem Informasi Pertanian;Aplikasi Penyuluhan Pertanian;Aplikasi Pupuk Bersubsidi|SIMTAN;e-RDKK;SIPETANI;SILUHTAN|Kartu Tani;Petani Pintar|Data kelompok tani dan alokasi pupuk bersubsidi.;Laporan luas tanam dan produksi padi per kecamatan.;Kegiatan penyuluh pertanian lapangan.|Dinas Pertanian;Distan;Dinas Pertanian dan Pangan
tourism|1.2|Sistem Informasi Pariwisata;Aplikasi Destinasi Wisata;Portal Pariwisata Daerah|SIPARIWISATA;e-Tiket Wisata;SIDESTI|Pesona Daerah;Visit Kabupaten|Informasi destinasi wisata, event dan akomodasi.;Penjualan tiket masuk objek wisata secara daring.;Data kunjungan wisatawan per destinasi.|Dinas Pariwisata;Disparbud
transport|1.2|Sistem Informasi Perhubungan;Aplikasi Pengujian Kendaraan Bermotor;Aplikasi Trayek Angkutan|e-KIR;SIMPERHUB;SITRAYEK;ATCS|Bus Kita|Pengujian berkala kendaraan bermotor dan uji KIR.;Izin trayek dan data angkutan umum.;Pemantauan lalu lintas dan simpang bersinyal.|Dinas Perhubungan;Dishub
manpower|1.2|Sistem Informasi Ketenagakerjaan;Aplikasi Bursa Kerja Online;Aplikasi Kartu Pencari Kerja|SIKERJA;e-AK1;SIBK;Disnaker Online|Loker Daerah;Job Fair Online|Pendaftaran pencari kerja dan penerbitan kartu kuning.;Informasi lowongan kerja dari perusahaan setempat.;Data pelatihan kerja di balai latihan kerja.|Dinas Tenaga Kerja;Disnakertrans
msme|1.2|Sistem Informasi Koperasi dan UMKM;Aplikasi Pendataan UMKM;Katalog Produk UMKM|SIUMKM;e-Koperasi;SIDAKOP;SIKOPUKM|E-Peken;UMKM Naik Kelas|Pendataan pelaku usaha mikro dan produk lokal.;Pemasaran produk UMKM melalui katalog daring.;Laporan RAT dan kesehatan koperasi.|Dinas Koperasi dan UKM;Dinkop UKM
environment|1.2|Sistem Informasi Lingkungan Hidup;Aplikasi Pengelolaan Sampah;Aplikasi Persetujuan Lingkungan|SILH;e-Sampah;SIMLH;SI Bank Sampah|Bank Sampah Digital|Pendataan bank sampah dan timbulan sampah rumah tangga.;Pengajuan dokumen UKL-UPL dan AMDAL.;Pemantauan kualitas air dan udara.|Dinas Lingkungan Hidup;DLH
public-works|1.2|Sistem Informasi Jalan dan Jembatan;Aplikasi Pengaduan Jalan Rusak;Sistem Informasi Irigasi|SIJALI;e-Jalan;SIMIRIGASI;SI-PUPR|Jalan Mulus|Data kondisi jalan dan jembatan kabupaten.;Pemantauan jaringan irigasi dan drainase.;Data jasa konstruksi dan tenaga ahli.|Dinas PUPR;Dinas Pekerjaan Umum
housing|1|Sistem Informasi Perumahan dan Permukiman;Aplikasi Data Rumah Tidak Layak Huni|SIRTLH;e-Perkim;SIPERKIM|Bedah Rumah Online|Pendataan rumah tidak layak huni dan bantuan perbaikan.;Serah terima prasarana sarana utilitas perumahan.;Pemetaan kawasan kumuh.|Disperkim;Dinas Perumahan dan Kawasan Permukiman
public-order|1|Sistem Informasi Satuan Polisi Pamong Praja;Aplikasi Penegakan Perda|SIPOLPP;e-Trantib;SI Satpol|Trantib Online|Pelaporan pelanggaran perda dan penertiban PKL.;Patroli dan operasi ketertiban umum.|Satpol PP;Satuan Polisi Pamong Praja
fire-rescue|0.5|Sistem Informasi Pemadam Kebakaran;Aplikasi Laporan Kebakaran|SIDAMKAR;e-Damkar|Damkar 113|Pelaporan kejadian kebakaran dan penyelamatan oleh warga.;Data hidran dan armada pemadam.|Dinas Pemadam Kebakaran;Damkar
women-children|1|Sistem Informasi Perlindungan Perempuan dan Anak;Aplikasi Pengaduan Kekerasan Perempuan dan Anak|SIMFONI Daerah;SIPPA;e-PPA|Ramah Anak;Suara Perempuan|Pencatatan kasus kekerasan terhadap perempuan dan anak.;Pendampingan korban kekerasan dalam rumah tangga.;Data kabupaten layak anak.|DP3A;DP3AP2KB;Dinas Pemberdayaan Perempuan dan Perlindungan Anak
food-security|1|Sistem Informasi Ketahanan Pangan;Aplikasi Harga Pangan|SIKAP Pangan;e-Pangan;SIHAPA|Panel Harga Daerah|Pemantauan harga dan stok pangan strategis.;Peta kerentanan dan kerawanan pangan.;Cadangan pangan pemerintah daerah.|Dinas Ketahanan Pangan;Dinas Pangan
land|0.5|Sistem Informasi Pertanahan;Aplikasi Inventarisasi Tanah Pemerintah|SIPERTANAHAN;e-Tanah|Tanahku|Inventarisasi bidang tanah milik pemerintah daerah.;Penanganan sengketa dan pengadaan tanah.|Dinas Pertanahan;Bagian Pertanahan
family-planning|1|Sistem Informasi Keluarga Berencana;Aplikasi Pendataan Keluarga|SIGA Daerah;e-KB;SIKB|Elsimil Daerah;Kampung KB Online|Pencatatan peserta KB dan alat kontrasepsi.;Pendataan keluarga dan pendampingan calon pengantin untuk pencegahan stunting.|DPPKB;DP3AP2KB;Dinas Pengendalian Penduduk dan KB
youth-sports|0.8|Sistem Informasi Kepemudaan dan Olahraga;Aplikasi Data Atlet|SIORA;e-Atlet;SIPORA|Ayo Olahraga|Data atlet, pelatih dan prestasi olahraga daerah.;Peminjaman gedung olahraga dan kegiatan kepemudaan.|Dispora;Dinas Kepemudaan dan Olahraga
culture|0.8|Sistem Informasi Kebudayaan;Aplikasi Cagar Budaya|SIBUDAYA;e-Cagar;SIKEBUDAYAAN|Budayaku|Data cagar budaya, sanggar seni dan seniman.;Pendaftaran kesenian tradisional dan objek pemajuan kebudayaan.|Dinas Kebudayaan;Disbud
fisheries|0.8|Sistem Informasi Kelautan dan Perikanan;Aplikasi Data Nelayan|SIKAN;e-Nelayan;SIPERIKANAN|Nelayan Pintar|Data nelayan, kapal dan hasil tangkapan ikan.;Pendataan pembudidaya ikan dan produksi tambak.|Dinas Kelautan dan Perikanan;DKP
internal-audit|1|Sistem Informasi Pengawasan;Aplikasi Tindak Lanjut Hasil Pemeriksaan|SIMWAS;e-Audit;SIPEWAS;e-TLHP|Wasdal|Pemantauan tindak lanjut temuan hasil pemeriksaan.;Perencanaan dan pelaksanaan audit internal APIP.;Pelaporan gratifikasi dan benturan kepentingan.|Inspektorat;Inspektorat Daerah
research-innovation|0.8|Sistem Informasi Inovasi Daerah;Aplikasi Penelitian dan Pengembangan|SINDA;e-Litbang;SIINOVASI|Inovasiku|Pendataan inovasi perangkat daerah untuk indeks inovasi.;Usulan dan publikasi hasil penelitian daerah.|Brida;Balitbangda;Bappeda
trade|1|Sistem Informasi Perdagangan;Aplikasi Harga Kebutuhan Pokok;Aplikasi Metrologi|SIHARGA;e-Pasar;SIMETRO|Info Harga|Pemantauan harga bahan pokok di pasar rakyat.;Tera ulang alat ukur dan timbang.;Data pedagang dan distribusi barang.|Dinas Perdagangan;Disperindag
industry|0.8|Sistem Informasi Industri Daerah;Aplikasi Data Industri Kecil Menengah|SIIDA;e-IKM;SIPERIN|IKM Juara|Pendataan industri kecil dan sentra industri.;Pelaporan produksi industri daerah.|Dinas Perindustrian;Disperindag
information-security|0.8|Sistem Informasi Persandian;Aplikasi Keamanan Informasi|SIPERSANDIAN;e-Sandi;CSIRT Daerah|TTE Daerah|Penerbitan sertifikat elektronik bagi pejabat.;Penanganan insiden siber dan keamanan informasi.|Diskominfo;Bidang Persandian
investment|0.8|Sistem Informasi Penanaman Modal;Aplikasi Peluang Investasi|SIPM;e-LKPM;SIPID|Invest Daerah|Profil peluang investasi daerah untuk investor.;Pemantauan laporan kegiatan penanaman modal.|DPMPTSP;Dinas Penanaman Modal
religious-affairs|0.4|Sistem Informasi Keagamaan;Aplikasi Data Rumah Ibadah|SIAGAMA;e-Masjid|Masjidku|Data rumah ibadah dan insentif guru ngaji.;Pendaftaran hibah keagamaan.|Bagian Kesra;Bagian Kesejahteraan Rakyat
cemetery-management|0.4|Sistem Informasi Pemakaman;Aplikasi Makam Online|SIMAKAM;e-Makam|Makamku|Data petak makam dan ahli waris di TPU.;Perpanjangan izin penggunaan makam.|Disperkim;Dinas Pertamanan
water-utility|0.3|Sistem Informasi Pelanggan Air Minum;Aplikasi Tagihan PDAM|SIPAM;e-PDAM|Air Lancar|Pembayaran tagihan air dan pengaduan pelanggan PDAM.;Pembacaan meter air pelanggan.|PDAM;Perumda Air Minum
parking-management|0.3|Sistem Parkir Elektronik;Aplikasi Manajemen Parkir|SIPARKIR;e-Parking|Parkirku|Pemesanan tempat parkir gedung.;Pemantauan kapasitas parkir kota.|UPT Perparkiran
`;

const VOCABULARY: readonly Vocabulary[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [
      code = '',
      weight = '1',
      full = '',
      short = '',
      brands = '',
      descriptions = '',
      units = '',
    ] = line.split('|');
    const list = (s: string) => s.split(';').filter((x) => x !== '');
    return {
      code,
      weight: Number(weight),
      full: list(full),
      short: list(short),
      brands: list(brands),
      descriptions: list(descriptions),
      units: list(units),
    };
  });

/** All function labels the generator uses. */
export const SYNTHETIC_FUNCTIONS: readonly string[] = VOCABULARY.map((v) => v.code);

const MISSPELLINGS: readonly [RegExp, string][] = [
  [/Perizinan/g, 'Perijinan'],
  [/perizinan/g, 'perijinan'],
  [/Izin/g, 'Ijin'],
  [/izin/g, 'ijin'],
  [/Kepegawaian/g, 'Kepegawain'],
  [/Presensi/g, 'Absensi'],
  [/Sistem/g, 'Sistim'],
];
const VERSIONS = [' v2', ' 2.0', ' 2023', ' v3.1', ' 2024'];
const EXTRAS = [' Online', ' Mobile', ' Terpadu', ' Digital', ' Smart'];
const VAGUE = ['', '', 'Aplikasi internal', '-', 'Aplikasi pendukung layanan'];
const BUILDERS = ['Diskominfo', 'Dinas Komunikasi dan Informatika', 'Bagian Umum'];
const CENTRAL_UNITS = ['Pusat Data dan Informasi', 'Pusdatin', 'Biro Umum', 'Sekretariat Jenderal'];

/** Writes a regional government's name as inventories do; central agencies by their name. */
function agencyText(agency: SyntheticAgency, r: () => number): { text: string; place: string } {
  if (agency.level === 'pusat') return { text: agency.name, place: '' };
  const place = agency.name.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');
  const styles =
    agency.level === 'kabupaten'
      ? [`Pemerintah Kabupaten ${place}`, `Pemkab ${place}`, `Kab. ${place}`, `Kabupaten ${place}`]
      : agency.level === 'kota'
        ? [`Pemerintah Kota ${place}`, `Pemkot ${place}`, `Kota ${place}`]
        : [`Pemerintah Provinsi ${place}`, `Pemprov ${place}`, `Provinsi ${place}`];
  return { text: pick(styles, r), place };
}

function pick<T>(items: readonly T[], r: () => number): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** An acronym from a full name's capitalised words: Sistem Informasi Manajemen Kepegawaian -> SIMK. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/** Deterministic: the same (count, seed, agencies) gives the same rows. */
export function generateInventory(options: {
  count: number;
  seed: number;
  agencies: readonly SyntheticAgency[];
}): SyntheticApplication[] {
  const r = randomGenerator(options.seed);
  const regional = options.agencies.filter((a) => a.level !== 'pusat');
  const central = options.agencies.filter((a) => a.level === 'pusat');
  const total = VOCABULARY.reduce((s, v) => s + v.weight, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const v of VOCABULARY) cumulative.push((sum += v.weight / total));
  const width = Math.max(5, String(options.count).length);
  const rows: SyntheticApplication[] = [];
  for (let i = 0; i < options.count; i++) {
    const x = r();
    const v =
      VOCABULARY[
        Math.min(
          VOCABULARY.length - 1,
          cumulative.findIndex((c) => x < c),
        )
      ];
    if (v === undefined) continue;
    const agency =
      central.length > 0 && (regional.length === 0 || r() < 0.15)
        ? pick(central, r)
        : pick(regional, r);
    const written = agencyText(agency, r);

    let name: string;
    let acronym = '';
    const style = r();
    if (style < 0.38 || v.short.length === 0) {
      name = pick(v.full, r);
      acronym = initials(name);
      if (written.place !== '' && r() < 0.3)
        name += agency.level === 'kabupaten' ? ` Kab. ${written.place}` : ` ${written.place}`;
    } else if (style < 0.72 || v.brands.length === 0) {
      name = pick(v.short, r);
      acronym = name.replace(/^e-/, '').split(' ')[0]?.toUpperCase() ?? '';
      if (r() < 0.2) name += pick(VERSIONS, r);
      if (r() < 0.15) name += pick(EXTRAS, r);
      if (written.place !== '' && r() < 0.15) name += ` ${written.place}`;
    } else if (style < 0.86) {
      name = pick(v.brands, r);
      acronym =
        r() < 0.5
          ? ''
          : name
              .replace(/[^A-Za-z]/g, '')
              .slice(0, 8)
              .toUpperCase();
    } else {
      // "Aplikasi …" or "SI …" forms of a full name
      const full = pick(v.full, r);
      name =
        r() < 0.5
          ? full.replace(/^Sistem Informasi\s+/, 'SI ')
          : full.replace(/^(Sistem Informasi|Sistem)\s+/, 'Aplikasi ');
      acronym = initials(full);
    }
    if (r() < 0.12) for (const [from, to] of MISSPELLINGS) name = name.replace(from, to);
    if (r() < 0.25) acronym = '';

    const description = r() < 0.08 ? pick(VAGUE, r) : pick(v.descriptions, r);
    const u = r();
    let unit =
      u < 0.65
        ? agency.level === 'pusat' && r() < 0.5
          ? pick(CENTRAL_UNITS, r)
          : pick(v.units, r)
        : u < 0.85
          ? pick(BUILDERS, r)
          : '';
    let agencyColumn = written.text;
    if (unit !== '' && r() < 0.15) {
      agencyColumn += ` - ${unit}`;
      if (r() < 0.5) unit = '';
    }
    rows.push({
      id: `APP-${String(i + 1).padStart(width, '0')}`,
      name,
      acronym,
      description,
      agency: agencyColumn,
      agencyLevel: agency.level,
      unit,
      function: v.code,
    });
  }
  return rows;
}

export const SYNTHETIC_CSV_HEADER = [
  'id',
  'name',
  'acronym',
  'description',
  'agency',
  'agency_level',
  'unit',
  'function',
] as const;

/** Writes generateInventory's rows as CSV with the header above; returns the row count. */
export async function writeInventoryCsv(
  file: string,
  options: { count: number; seed: number; agencies: readonly SyntheticAgency[] },
): Promise<number> {
  const rows = generateInventory(options);
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write(toCsvLine(SYNTHETIC_CSV_HEADER));
  for (const a of rows)
    out.write(
      toCsvLine([
        a.id,
        a.name,
        a.acronym,
        a.description,
        a.agency,
        a.agencyLevel,
        a.unit,
        a.function,
      ]),
    );
  out.end();
  await finished(out);
  return rows.length;
}

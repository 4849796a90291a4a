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

/** Shared with the officials' console: one language choice per browser. */
export const LANG_STORAGE_KEY = 'padu.lang';

const id = {
  'app.name': 'Padu — Layanan Publik',
  'app.skip': 'Langsung ke konten utama',
  'app.description': 'Layanan publik pemerintah Indonesia dalam satu tempat.',
  'nav.label': 'Navigasi utama',
  'nav.services': 'Layanan',
  'nav.applications': 'Permohonan',
  'nav.dataAccess': 'Akses data',
  'nav.notifications': 'Notifikasi',
  'nav.unread': '{n} belum dibaca',
  'nav.account': 'Akun',
  'nav.login': 'Masuk',
  'nav.register': 'Daftar',
  'nav.logout': 'Keluar',
  'nav.signedInAs': 'Masuk sebagai',
  'nav.logoutFailed': 'Gagal keluar: {message}',
  'lang.button': 'EN',
  'lang.buttonTitle': 'Switch to English',
  'footer.about': 'Padu — platform terbuka Sistem Pemerintahan Berbasis Elektronik (SPBE).',
  'footer.privacy': 'Siapa mengakses data saya',
  'footer.console': 'Konsol pejabat',
  'status.loading': 'Memuat…',
  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  'error.http': 'Permintaan gagal (HTTP {status}).',
  'error.retry': 'Coba lagi',
  'error.retryAfter': 'Coba lagi dalam {n} detik.',
  'error.code.INVALID_CREDENTIALS': 'NIK atau kata sandi salah.',
  'error.code.INVALID_CODE': 'Kode autentikator tidak cocok.',
  'error.code.RATE_LIMITED': 'Terlalu banyak percobaan.',
  'error.code.IDENTITY_MISMATCH':
    'NIK, nama, dan tanggal lahir tidak cocok dengan data kependudukan.',
  'error.code.CONFLICT': 'Permintaan bertentangan dengan data yang sudah ada.',
  'error.code.RESET_TOKEN_INVALID': 'Tautan atur ulang tidak berlaku lagi.',
  'error.code.UNAUTHENTICATED': 'Sesi Anda berakhir. Silakan masuk lagi.',
  'error.code.CSRF_FAILED': 'Sesi tidak dikenali. Muat ulang halaman lalu coba lagi.',
  'error.code.VALIDATION_FAILED': 'Ada isian yang belum benar.',
  'error.code.NOT_FOUND': 'Tidak ditemukan.',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.back': 'Kembali ke beranda',
  'auth.required': 'Halaman ini hanya untuk warga yang sudah masuk.',
  'auth.requiredOr': 'atau',
  'auth.requiredRegister': 'daftar akun baru',
  'home.title': 'Layanan publik',
  'home.intro':
    'Cari layanan pemerintah, lihat persyaratannya, dan ajukan permohonan secara daring.',
  'home.search': 'Cari layanan',
  'home.searchHint': 'Contoh: “akta kelahiran”, “izin usaha”, “pindah domisili”.',
  'home.lifeEvents': 'Peristiwa hidup',
  'home.categories': 'Kategori',
  'home.all': 'Semua',
  'home.results': 'Daftar layanan',
  'home.count': '{n} layanan',
  'home.none': 'Tidak ada layanan yang cocok. Coba kata lain atau hapus filter.',
  'home.clear': 'Hapus filter',
  'service.provider': 'Penyedia',
  'service.handledBy': 'Ditangani oleh',
  'service.deliveredBy.national': 'Pemerintah pusat',
  'service.deliveredBy.province': 'Pemerintah provinsi',
  'service.deliveredBy.regency': 'Pemerintah kabupaten/kota',
  'service.cost': 'Biaya',
  'service.free': 'Gratis',
  'service.variable': 'Bervariasi (lihat keterangan)',
  'service.sla': 'Waktu penyelesaian',
  'service.slaDays': '{n} hari kerja',
  'service.slaNone': 'Tidak ditentukan',
  'service.channels': 'Cara mengajukan',
  'service.channel.online': 'Daring',
  'service.channel.counter': 'Loket',
  'service.channel.app': 'Aplikasi',
  'service.officialChannel': 'Kanal resmi',
  'service.about': 'Tentang layanan',
  'service.requirements': 'Persyaratan',
  'service.legalBasis': 'Dasar hukum',
  'service.apply': 'Ajukan permohonan',
  'service.applyLogin': 'Anda perlu masuk untuk mengajukan permohonan.',
  'service.notOnline': 'Layanan ini belum dapat diajukan daring.',
  'service.back': 'Semua layanan',
  'apply.title': 'Ajukan permohonan',
  'apply.for': 'Layanan: {name}',
  'consent.title': 'Isi otomatis dari data kependudukan',
  'consent.intro':
    'Anda dapat mengisi formulir ini secara otomatis. Data berikut diambil dari {source} dan dibagikan kepada penerima di bawah hanya jika Anda setuju.',
  'consent.fields': 'Data yang akan dibagikan',
  'consent.recipient': 'Penerima data',
  'consent.notYet': 'Belum ada data yang diambil sebelum Anda menyetujui.',
  'consent.accept': 'Setujui dan isi otomatis',
  'consent.decline': 'Isi sendiri',
  'consent.noneChosen': 'Pilih minimal satu data, atau pilih “Isi sendiri”.',
  'consent.done': 'Isian bertanda “dari Dukcapil” diisi dari {source} dengan persetujuan Anda.',
  'form.fromDukcapil': 'dari Dukcapil',
  'form.optional': '(opsional)',
  'form.choose': 'Pilih…',
  'form.yes': 'Ya',
  'form.no': 'Tidak',
  'form.add': 'Tambah {label}',
  'form.remove': 'Hapus {label} {n}',
  'form.item': '{label} {n}',
  'form.noItems': 'Belum ada isian.',
  'form.errors': 'Periksa kembali isian berikut:',
  'form.error.required': 'Wajib diisi.',
  'form.error.pattern': 'Formatnya tidak sesuai.',
  'form.error.maxLength': 'Paling banyak {n} karakter.',
  'form.error.minLength': 'Paling sedikit {n} karakter.',
  'form.error.email': 'Masukkan alamat email yang benar, misalnya nama@contoh.id.',
  'form.error.integer': 'Masukkan bilangan bulat.',
  'form.error.number': 'Masukkan angka.',
  'form.error.minimum': 'Paling kecil {n}.',
  'form.error.maximum': 'Paling besar {n}.',
  'form.error.minItems': 'Isi paling sedikit {n}.',
  'form.error.maxItems': 'Paling banyak {n}.',
  'form.submit': 'Kirim permohonan',
  'form.sending': 'Mengirim…',
  'form.sent': 'Permohonan terkirim. Nomor permohonan Anda: {reference}.',
  'auth.nik': 'NIK',
  'auth.nikHint': '16 digit angka, seperti di KTP.',
  'auth.name': 'Nama lengkap',
  'auth.nameHint': 'Tulis persis seperti di KTP.',
  'auth.birthDate': 'Tanggal lahir',
  'auth.email': 'Email',
  'auth.password': 'Kata sandi',
  'auth.passwordHint': 'Minimal 10 karakter.',
  'auth.passwordConfirm': 'Ulangi kata sandi',
  'auth.newPassword': 'Kata sandi baru',
  'auth.code': 'Kode autentikator',
  'auth.codeHint': '6 digit angka dari aplikasi autentikator Anda.',
  'auth.error.nik': 'NIK harus 16 digit angka.',
  'auth.error.password': 'Kata sandi minimal 10 karakter.',
  'auth.error.confirm': 'Kedua kata sandi tidak sama.',
  'auth.error.code': 'Kode harus 6 digit angka.',
  'auth.sending': 'Memproses…',
  'register.title': 'Daftar akun',
  'register.intro':
    'Daftar dengan NIK Anda. NIK, nama, dan tanggal lahir dicocokkan dengan data kependudukan.',
  'register.submit': 'Daftar',
  'register.haveAccount': 'Sudah punya akun?',
  'account.title': 'Akun saya',
  'passkey.title': 'Passkey',
  'passkey.intro':
    'Passkey menggantikan kode autentikator saat masuk: setelah kata sandi, cukup konfirmasi dengan sidik jari, wajah, atau PIN perangkat Anda.',
  'passkey.none': 'Belum ada passkey.',
  'passkey.name': 'Nama passkey',
  'passkey.defaultName': 'Perangkat saya',
  'passkey.add': 'Tambah passkey',
  'passkey.added': 'Passkey “{name}” ditambahkan.',
  'passkey.removed': 'Passkey “{name}” dihapus.',
  'passkey.remove': 'Hapus passkey {name}',
  'passkey.addedAt': 'ditambahkan {at}',
  'passkey.usedAt': 'terakhir dipakai {at}',
  'passkey.unsupported': 'Browser ini tidak mendukung passkey; gunakan kode autentikator.',
  'passkey.loginIntro': 'Atau gunakan passkey di perangkat ini.',
  'passkey.login': 'Masuk dengan passkey',
  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan NIK dan kata sandi, lalu kode dari aplikasi autentikator.',
  'login.submit': 'Masuk',
  'login.forgot': 'Lupa kata sandi?',
  'login.noAccount': 'Belum punya akun?',
  'login.codeTitle': 'Verifikasi dua langkah',
  'login.codeIntro': 'Masukkan kode 6 digit yang tampil di aplikasi autentikator Anda.',
  'login.verify': 'Verifikasi',
  'login.restart': 'Mulai lagi',
  'login.signedIn': 'Anda sudah masuk sebagai {name}.',
  'enrol.title': 'Pasang aplikasi autentikator',
  'enrol.intro':
    'Untuk melindungi akun Anda, setiap kali masuk diperlukan kode dari aplikasi autentikator (misalnya FreeOTP, Google Authenticator, atau Microsoft Authenticator).',
  'enrol.step1': 'Di aplikasi autentikator, tambahkan akun dengan kunci rahasia berikut:',
  'enrol.secret': 'Kunci rahasia',
  'enrol.open': 'Atau buka langsung di aplikasi autentikator',
  'enrol.step2': 'Lalu masukkan kode 6 digit yang muncul di aplikasi.',
  'forgot.title': 'Lupa kata sandi',
  'forgot.intro':
    'Masukkan NIK Anda. Jika terdaftar, kami mengirim tautan untuk mengatur ulang kata sandi ke email Anda.',
  'forgot.submit': 'Kirim tautan',
  'forgot.sent':
    'Jika NIK tersebut terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke email yang terdaftar.',
  'forgot.back': 'Kembali ke halaman masuk',
  'reset.title': 'Atur ulang kata sandi',
  'reset.intro': 'Buat kata sandi baru untuk akun Anda.',
  'reset.submit': 'Simpan kata sandi',
  'reset.done': 'Kata sandi Anda sudah diganti.',
  'reset.login': 'Masuk dengan kata sandi baru',
  'reset.noToken': 'Tautan ini tidak lengkap.',
  'reset.requestNew': 'Minta tautan baru',
  'status.submitted': 'Diajukan',
  'status.verified': 'Diverifikasi',
  'status.in_process': 'Diproses',
  'status.needs_correction': 'Perlu perbaikan',
  'status.completed': 'Selesai',
  'status.rejected': 'Ditolak',
  'apps.title': 'Permohonan saya',
  'apps.none': 'Anda belum mengajukan permohonan.',
  'apps.find': 'Cari layanan',
  'apps.submitted': 'Diajukan {date}',
  'apps.updated': 'Diperbarui {date}',
  'app.reference': 'Nomor permohonan',
  'app.service': 'Layanan',
  'app.agency': 'Instansi',
  'app.status': 'Status',
  'app.submittedAt': 'Diajukan',
  'app.timeline': 'Riwayat status',
  'app.by.citizen': 'oleh Anda',
  'app.by.operator': 'oleh petugas',
  'app.data': 'Data yang diajukan',
  'app.correction': 'Perbaiki permohonan',
  'app.correctionIntro':
    'Petugas meminta perbaikan. Baca catatannya, perbaiki data, lalu kirim kembali.',
  'app.correctionNote': 'Catatan petugas: {note}',
  'app.resubmit': 'Kirim perbaikan',
  'app.resubmitted': 'Perbaikan terkirim. Permohonan Anda diperiksa kembali.',
  'app.back': 'Semua permohonan saya',
  'notif.title': 'Notifikasi',
  'notif.none': 'Belum ada notifikasi.',
  'notif.unread': 'Belum dibaca',
  'notif.markRead': 'Tandai sudah dibaca',
  'notif.markAll': 'Tandai semua sudah dibaca',
  'notif.open': 'Lihat permohonan {reference}',
  'notif.count': '{n} belum dibaca',
  'access.title': 'Siapa mengakses data saya',
  'access.intro':
    'Setiap pertukaran data melalui Padu yang menyangkut NIK Anda tercatat di log transparansi. Anda dapat memeriksa sendiri bahwa catatan itu ada di log dan tidak diubah.',
  'access.none': 'Belum ada instansi yang mengakses data Anda melalui Padu.',
  'access.list': 'Akses ke data Anda, terbaru lebih dulu',
  'access.when': 'Waktu',
  'access.consumer': 'Diakses oleh',
  'access.provider': 'Sumber data',
  'access.purpose': 'Tujuan',
  'access.purposeNone': 'Tidak disebutkan',
  'access.status': 'Hasil',
  'access.ok': 'Berhasil (HTTP {status})',
  'access.failed': 'Gagal (HTTP {status})',
  'access.requestId': 'ID permintaan',
  'access.proof': 'Bukti',
  'access.verify': 'Periksa bukti',
  'access.verifying': 'Memeriksa…',
  'access.verified': 'Terverifikasi',
  'access.verifiedDetail':
    'Catatan ini ada di log (urutan {index} dari {size}) dan akar hash yang dihitung ulang di browser Anda cocok.',
  'access.mismatch': 'Tidak cocok',
  'access.mismatchDetail': 'Akar hash yang dihitung ulang tidak sama dengan akar hash log.',
  'access.unsupported': 'Browser ini tidak dapat memeriksa bukti (WebCrypto tidak tersedia).',
  'access.download': 'Unduh bukti (JSON)',
  'access.checkpoint': 'Checkpoint log yang ditandatangani',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'app.name': 'Padu — Public Services',
  'app.skip': 'Skip to main content',
  'app.description': "Indonesia's government public services in one place.",
  'nav.label': 'Main navigation',
  'nav.services': 'Services',
  'nav.applications': 'Applications',
  'nav.dataAccess': 'Data access',
  'nav.notifications': 'Notifications',
  'nav.unread': '{n} unread',
  'nav.account': 'Account',
  'nav.login': 'Sign in',
  'nav.register': 'Register',
  'nav.logout': 'Sign out',
  'nav.signedInAs': 'Signed in as',
  'nav.logoutFailed': 'Could not sign out: {message}',
  'lang.button': 'ID',
  'lang.buttonTitle': 'Ganti ke Bahasa Indonesia',
  'footer.about': 'Padu — an open platform for electronic-based government (SPBE).',
  'footer.privacy': 'Who accessed my data',
  'footer.console': "Officials' console",
  'status.loading': 'Loading…',
  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.http': 'The request failed (HTTP {status}).',
  'error.retry': 'Try again',
  'error.retryAfter': 'Try again in {n} seconds.',
  'error.code.INVALID_CREDENTIALS': '',
  'error.code.INVALID_CODE': '',
  'error.code.RATE_LIMITED': '',
  'error.code.IDENTITY_MISMATCH': '',
  'error.code.CONFLICT': '',
  'error.code.RESET_TOKEN_INVALID': '',
  'error.code.UNAUTHENTICATED': '',
  'error.code.CSRF_FAILED': '',
  'error.code.VALIDATION_FAILED': '',
  'error.code.NOT_FOUND': '',
  'notFound.title': 'Page not found',
  'notFound.back': 'Back to the home page',
  'auth.required': 'This page is for signed-in citizens only.',
  'auth.requiredOr': 'or',
  'auth.requiredRegister': 'create an account',
  'home.title': 'Public services',
  'home.intro': 'Find government services, see what they require, and apply online.',
  'home.search': 'Search services',
  'home.searchHint': 'For example: “birth certificate”, “business permit”, “change of address”.',
  'home.lifeEvents': 'Life events',
  'home.categories': 'Categories',
  'home.all': 'All',
  'home.results': 'Services',
  'home.count': '{n} services',
  'home.none': 'No service matches. Try other words or clear the filters.',
  'home.clear': 'Clear filters',
  'service.provider': 'Provider',
  'service.handledBy': 'Handled by',
  'service.deliveredBy.national': 'Central government',
  'service.deliveredBy.province': 'Provincial government',
  'service.deliveredBy.regency': 'Regency/city government',
  'service.cost': 'Cost',
  'service.free': 'Free',
  'service.variable': 'Varies (see the note)',
  'service.sla': 'Completion time',
  'service.slaDays': '{n} working days',
  'service.slaNone': 'Not specified',
  'service.channels': 'How to apply',
  'service.channel.online': 'Online',
  'service.channel.counter': 'At the counter',
  'service.channel.app': 'App',
  'service.officialChannel': 'Official channel',
  'service.about': 'About the service',
  'service.requirements': 'Requirements',
  'service.legalBasis': 'Legal basis',
  'service.apply': 'Apply',
  'service.applyLogin': 'You need to sign in to apply.',
  'service.notOnline': 'This service cannot be applied for online yet.',
  'service.back': 'All services',
  'apply.title': 'Apply',
  'apply.for': 'Service: {name}',
  'consent.title': 'Fill in automatically from the population register',
  'consent.intro':
    'You can fill in this form automatically. The data below is taken from {source} and shared with the recipient below only if you agree.',
  'consent.fields': 'Data to be shared',
  'consent.recipient': 'Recipient',
  'consent.notYet': 'No data is fetched before you agree.',
  'consent.accept': 'Agree and fill in',
  'consent.decline': 'Fill in myself',
  'consent.noneChosen': 'Choose at least one item, or choose “Fill in myself”.',
  'consent.done': 'Fields marked “from Dukcapil” were filled in from {source} with your consent.',
  'form.fromDukcapil': 'from Dukcapil',
  'form.optional': '(optional)',
  'form.choose': 'Choose…',
  'form.yes': 'Yes',
  'form.no': 'No',
  'form.add': 'Add {label}',
  'form.remove': 'Remove {label} {n}',
  'form.item': '{label} {n}',
  'form.noItems': 'Nothing added yet.',
  'form.errors': 'Please check the following:',
  'form.error.required': 'This is required.',
  'form.error.pattern': 'The format is not right.',
  'form.error.maxLength': 'At most {n} characters.',
  'form.error.minLength': 'At least {n} characters.',
  'form.error.email': 'Enter a valid e-mail address, such as name@example.id.',
  'form.error.integer': 'Enter a whole number.',
  'form.error.number': 'Enter a number.',
  'form.error.minimum': 'At least {n}.',
  'form.error.maximum': 'At most {n}.',
  'form.error.minItems': 'Add at least {n}.',
  'form.error.maxItems': 'At most {n}.',
  'form.submit': 'Submit application',
  'form.sending': 'Sending…',
  'form.sent': 'Application sent. Your reference number: {reference}.',
  'auth.nik': 'NIK (national ID number)',
  'auth.nikHint': '16 digits, as on your KTP.',
  'auth.name': 'Full name',
  'auth.nameHint': 'Exactly as on your KTP.',
  'auth.birthDate': 'Date of birth',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 10 characters.',
  'auth.passwordConfirm': 'Repeat password',
  'auth.newPassword': 'New password',
  'auth.code': 'Authenticator code',
  'auth.codeHint': 'The 6 digits from your authenticator app.',
  'auth.error.nik': 'The NIK must be 16 digits.',
  'auth.error.password': 'The password needs at least 10 characters.',
  'auth.error.confirm': 'The two passwords differ.',
  'auth.error.code': 'The code must be 6 digits.',
  'auth.sending': 'Working…',
  'register.title': 'Create an account',
  'register.intro':
    'Register with your NIK. Your NIK, name and date of birth are checked against the population register.',
  'register.submit': 'Register',
  'register.haveAccount': 'Already have an account?',
  'account.title': 'My account',
  'passkey.title': 'Passkeys',
  'passkey.intro':
    'A passkey replaces the authenticator code when you sign in: after the password, confirm with your fingerprint, face or device PIN.',
  'passkey.none': 'No passkey yet.',
  'passkey.name': 'Passkey name',
  'passkey.defaultName': 'My device',
  'passkey.add': 'Add a passkey',
  'passkey.added': 'Passkey “{name}” added.',
  'passkey.removed': 'Passkey “{name}” removed.',
  'passkey.remove': 'Remove passkey {name}',
  'passkey.addedAt': 'added {at}',
  'passkey.usedAt': 'last used {at}',
  'passkey.unsupported': 'This browser does not support passkeys; use the authenticator code.',
  'passkey.loginIntro': 'Or use a passkey on this device.',
  'passkey.login': 'Sign in with a passkey',
  'login.title': 'Sign in',
  'login.intro': 'Sign in with your NIK and password, then a code from your authenticator app.',
  'login.submit': 'Sign in',
  'login.forgot': 'Forgot your password?',
  'login.noAccount': 'No account yet?',
  'login.codeTitle': 'Two-step verification',
  'login.codeIntro': 'Enter the 6-digit code shown in your authenticator app.',
  'login.verify': 'Verify',
  'login.restart': 'Start again',
  'login.signedIn': 'You are signed in as {name}.',
  'enrol.title': 'Set up an authenticator app',
  'enrol.intro':
    'To protect your account, every sign-in needs a code from an authenticator app (such as FreeOTP, Google Authenticator or Microsoft Authenticator).',
  'enrol.step1': 'In the authenticator app, add an account with this secret key:',
  'enrol.secret': 'Secret key',
  'enrol.open': 'Or open it directly in your authenticator app',
  'enrol.step2': 'Then enter the 6-digit code the app shows.',
  'forgot.title': 'Forgot password',
  'forgot.intro':
    'Enter your NIK. If it is registered, we send a link to reset your password to your e-mail.',
  'forgot.submit': 'Send link',
  'forgot.sent':
    'If that NIK is registered, a link to reset the password has been sent to its registered e-mail.',
  'forgot.back': 'Back to sign in',
  'reset.title': 'Reset password',
  'reset.intro': 'Choose a new password for your account.',
  'reset.submit': 'Save password',
  'reset.done': 'Your password has been changed.',
  'reset.login': 'Sign in with the new password',
  'reset.noToken': 'This link is incomplete.',
  'reset.requestNew': 'Ask for a new link',
  'status.submitted': 'Submitted',
  'status.verified': 'Verified',
  'status.in_process': 'In process',
  'status.needs_correction': 'Needs correction',
  'status.completed': 'Completed',
  'status.rejected': 'Rejected',
  'apps.title': 'My applications',
  'apps.none': 'You have not applied for anything yet.',
  'apps.find': 'Find a service',
  'apps.submitted': 'Submitted {date}',
  'apps.updated': 'Updated {date}',
  'app.reference': 'Reference',
  'app.service': 'Service',
  'app.agency': 'Agency',
  'app.status': 'Status',
  'app.submittedAt': 'Submitted',
  'app.timeline': 'Status history',
  'app.by.citizen': 'by you',
  'app.by.operator': 'by an officer',
  'app.data': 'Submitted data',
  'app.correction': 'Correct the application',
  'app.correctionIntro':
    'The officer asked for a correction. Read the note, correct the data and send it again.',
  'app.correctionNote': "Officer's note: {note}",
  'app.resubmit': 'Send correction',
  'app.resubmitted': 'Correction sent. Your application will be checked again.',
  'app.back': 'All my applications',
  'notif.title': 'Notifications',
  'notif.none': 'No notifications yet.',
  'notif.unread': 'Unread',
  'notif.markRead': 'Mark as read',
  'notif.markAll': 'Mark all as read',
  'notif.open': 'View application {reference}',
  'notif.count': '{n} unread',
  'access.title': 'Who accessed my data',
  'access.intro':
    'Every data exchange through Padu about your NIK is recorded in a transparency log. You can check yourself that the record is in the log and has not been altered.',
  'access.none': 'No agency has accessed your data through Padu yet.',
  'access.list': 'Access to your data, newest first',
  'access.when': 'When',
  'access.consumer': 'Accessed by',
  'access.provider': 'Data source',
  'access.purpose': 'Purpose',
  'access.purposeNone': 'Not stated',
  'access.status': 'Result',
  'access.ok': 'Succeeded (HTTP {status})',
  'access.failed': 'Failed (HTTP {status})',
  'access.requestId': 'Request ID',
  'access.proof': 'Proof',
  'access.verify': 'Check proof',
  'access.verifying': 'Checking…',
  'access.verified': 'Verified',
  'access.verifiedDetail':
    'This record is in the log (entry {index} of {size}) and the root hash recomputed in your browser matches.',
  'access.mismatch': 'Does not match',
  'access.mismatchDetail': "The recomputed root hash differs from the log's root hash.",
  'access.unsupported': 'This browser cannot check proofs (no WebCrypto).',
  'access.download': 'Download proof (JSON)',
  'access.checkpoint': 'Signed log checkpoint',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Vars = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const message = dictionaries[lang][key];
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether a key exists (for keys built from server codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** "Gratis" for 0, "Bervariasi" for a fee set case by case (null), else "Rp350.000". */
  formatRupiah: (amount: number | null) => string;
  /** An instant in Jakarta time: "29 Nov 2026, 14.03 WIB". */
  formatDateTime: (iso: string) => string;
  /** A calendar date (YYYY-MM-DD) in words: "17 Agustus 1990". */
  formatDate: (date: string) => string;
  formatNumber: (n: number) => string;
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
      // Storage may be unavailable (private mode): the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const numbers = new Intl.NumberFormat(locale);
    const rupiah = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', {
      maximumFractionDigits: 0,
    });
    const instants = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Jakarta',
    });
    // Calendar dates are read as UTC midnight, so format them in UTC: no day shifts.
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      formatRupiah: (amount) =>
        amount === null
          ? translate(lang, 'service.variable')
          : amount === 0
            ? translate(lang, 'service.free')
            : `Rp${rupiah.format(amount)}`,
      formatDateTime: (iso) => {
        const time = Date.parse(iso);
        return Number.isNaN(time) ? iso : `${instants.format(time)} WIB`;
      },
      formatDate: (date) => {
        const time = Date.parse(`${date}T00:00:00Z`);
        return Number.isNaN(time) ? date : dates.format(time);
      },
      formatNumber: (n) => numbers.format(n),
    };
  }, [lang, setLang]);

  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

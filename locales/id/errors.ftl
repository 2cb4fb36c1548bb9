error-plan-has-no-fieldwork-dates = rencana pelaksanaan belum memiliki tanggal pelaksanaan survei
error-only-reminder-has-not-been = saat ini hanya pengingat yang belum dikirim yang dapat dikirim
error-header-cannot-read = baris judul tidak dapat dibaca: { $e }
error-there-no-email-column-header = tidak ada kolom `email` di baris judul
error-column-needs-name-letters-digits = nama kolom `{ $h }` hanya boleh berisi huruf, angka, `_`, atau `-`
error-column-appears-twice = kolom `{ $h }` muncul dua kali
error-already-line = { $email } sudah ada di baris { $first }
error-empty = `{ $name }` kosong
error-roster-has-no-invitees = daftar karyawan tidak memuat orang yang diundang
error-report-made-once-survey-closed = laporan dibuat setelah survei ditutup
error-survey-not-open-yet-please = survei ini belum dibuka; silakan gunakan tautan Anda lagi setelah survei dibuka
error-survey-closed-no-longer-takes = survei ini sudah ditutup dan tidak lagi menerima jawaban
error-token-request-not-valid = permintaan tiket jawaban tidak valid: { $e }
error-token-request-names-another-key = permintaan tiket jawaban menyebut kunci yang berbeda dari kunci undangan ini; muat ulang halaman
error-blinded-message-cannot-signed = pesan yang dibutakan tidak dapat ditandatangani: { $e }
error-invitation-has-already-been-used = undangan ini sudah digunakan untuk mengambil tiket jawaban anonim; setiap undangan hanya memberikan satu tiket
error-ballot-has-already-been-used = tiket jawaban ini sudah digunakan: jawaban dengan tiket ini sudah tersimpan, dan setiap tiket hanya dihitung satu kali
error-salt-must-32-random-bytes = salt harus berupa 32 byte acak dalam base64url: { $e }
error-ballot-token-not-valid = tiket jawaban (token) tidak valid: { $why }
error-tally-made-when-survey-closes = rekapitulasi dibuat saat survei ditutup
error-management-user-belongs-organisation = pengguna manajemen tergabung dalam suatu organisasi
error-operators-do-not-belong-client = operator tidak tergabung dalam organisasi klien
error-there-already-account = sudah ada akun untuk { $email }
error-you-cannot-disable-your-own = Anda tidak dapat menonaktifkan akun Anda sendiri; admin lain dapat melakukannya
error-give-token-name = beri nama token ini
error-there-already-client-named = sudah ada klien bernama { $name }
error-password-must-least-12-characters = kata sandi harus terdiri atas sedikitnya 12 karakter
error-choose-existing-client-organisation = pilih organisasi klien yang sudah ada
error-questionnaire-has-problems =
    kuesioner memiliki masalah:
    { $e }
error-offer-least-one-language = sediakan sedikitnya satu bahasa
error-questionnaire-has-no-texts-choose = kuesioner tidak memiliki teks `{ $bad }`; pilih di antara { $offered }
error-anonymity-threshold-cannot-below-asked = ambang anonimitas tidak boleh di bawah { $MIN_THRESHOLD } (diminta: { $asked })
error-comment-threshold-cannot-below-anonymity = ambang komentar ({ $c }) tidak boleh di bawah ambang anonimitas ({ $k })
error-not-roster-column-name-use = `{ $bad }` bukan nama kolom daftar karyawan (gunakan huruf, angka, `_`, atau `-`)
error-import-roster-before-scheduling = impor daftar karyawan sebelum menjadwalkan
error-save-fieldwork-plan-before-scheduling = simpan rencana pelaksanaan sebelum menjadwalkan
error-survey-was-changed-meanwhile-another = survei telah diubah sementara itu (di jendela lain, atau oleh orang lain); muat ulang halaman dan coba lagi
error-body-larger-than-bytes-most = isi permintaan lebih besar dari { $limit } byte, batas maksimum untuk jalur ini
error-json-body-not-valid = isi JSON tidak valid: { $e }
error-send-body-application-json = kirim isi permintaan sebagai application/json
error-body-cannot-read = isi permintaan tidak dapat dibaca: { $other }
error-send-form-application-x-www = kirim formulir sebagai application/x-www-form-urlencoded
error-form-cannot-read = formulir tidak dapat dibaca: { $other }
error-form-cannot-read-2 = formulir tidak dapat dibaca: { $e }
error-form-holds-nul-character-00 = formulir memuat karakter NUL (%00), yang tidak boleh ada di isian mana pun
error-upload-too-large-most-mb = unggahan terlalu besar (maksimum { $mb } MB)
error-form-has-no = formulir tidak memiliki `{ $name }`
error-not-utf-8-text = `{ $name }` bukan teks UTF-8
error-e-mail-address-has-most = alamat email maksimum { $MAX_EMAIL_LEN } karakter dan kata sandi maksimum { $MAX_PASSWORD_LEN } karakter
error-unknown-language = bahasa tidak dikenal
error-tally-made-when-survey-closes-2 = rekapitulasi dibuat saat survei ditutup
error-choose-client-organisation = pilih organisasi klien
error-choose-template-upload-toml-file = pilih templat atau unggah berkas TOML
error-send-token-request-application-private = kirim permintaan tiket jawaban sebagai application/private-token-request
error-token-request-cannot-read = permintaan tiket jawaban tidak dapat dibaca: { $e }
error-please-check-your-answers-each = silakan periksa jawaban Anda; setiap masalah ditampilkan pada pertanyaannya masing-masing
error-your-answers-were-stored-already = jawaban Anda sudah tersimpan sebelumnya (konfirmasinya tidak sampai kepada Anda); berikut tanda terima Anda
error-not-e-mail-address = `{ $email }` bukan alamat email
error-survey-needs-name = survei memerlukan nama
error-organisation-needs-name-1-200 = nama organisasi harus terdiri atas 1 hingga 200 karakter
error-name-empty = nama kosong
error-not-found = Halaman ini tidak ada.
error-log-in = Silakan masuk terlebih dahulu.
error-forbidden = Anda tidak diizinkan melakukan ini.
error-too-many-attempts = Terlalu banyak upaya masuk yang gagal; coba lagi dalam { $minutes } menit.
error-form-expired = Formulir ini sudah kedaluwarsa; muat ulang halaman dan coba lagi.
error-internal = Terjadi masalah di pihak kami; silakan coba lagi.
error-survey-not-in-state = survei ini berstatus { $state ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    }, dan hanya survei berstatus { $needed ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    } yang dapat { $action ->
    [roster] menerima daftar karyawan baru
    [questionnaire] mengubah kuesionernya
    [plan] mengubah rencana pelaksanaannya
    [settings] mengubah pengaturannya
   *[remind] mengirim pengingat
}
error-survey-cannot-become = survei berstatus { $from ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    } tidak dapat beralih ke status { $to ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    }; { $count ->
    [0] tidak ada status berikutnya
    [1] survei ini hanya dapat beralih ke status { $first ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    }
   *[other] survei ini hanya dapat beralih ke status { $first ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    } atau { $second ->
        [draft] draf
        [scheduled] terjadwal
        [open] dibuka
        [closed] ditutup
       *[published] dipublikasikan
    }
}
error-detail = { $detail }
error-roster-line = baris { $line }: { $problem }
error-roster-fields = terdapat { $fields } isian, sedangkan baris judul memiliki { $header }
error-roster-language-not-offered = bahasa `{ $language }` tidak tersedia dalam survei ini ({ $offered })
error-roster-cannot-group = daftar karyawan tidak dapat dikelompokkan menurut { $breakdowns }: { $e }
error-roster-purge-before-close = daftar karyawan `{ $survey }` hanya dapat dihapus setelah survei ditutup
error-roster-encoding = berkas ini bukan UTF-8 maupun Shift_JIS; di Excel, simpan sebagai “CSV UTF-8 (Dibatasi koma)”
error-roster-control-character = `{ $name }` memuat karakter kontrol ({ $code })
error-name-control-character = { $field ->
    [survey] nama survei
    [organisation] nama organisasi
   *[person] nama
} tidak boleh memuat karakter kontrol ({ $code })
error-issuer-key-sealed-otherwise = kunci penerbit { $key } tidak dapat dibuka dengan kunci induk saat ini: { $e }
error-answer-language-not-offered = jawablah dalam salah satu bahasa survei ini: { $offered }
error-form-not-utf8 = formulir bukan teks UTF-8 (byte ke-{ $at } tidak dapat didekode); kirimkan dari halaman seperti yang dilakukan browser
error-upload-malformed = format unggahan tidak valid: { $e }
error-report-needs-a-language = pilih setidaknya satu bahasa untuk laporan
error-report-language-not-offered = laporan tidak dapat dibuat dalam `{ $asked }`: bahasa yang memiliki teks kuesioner dan istilah laporan adalah { $offered }
error-data-once-closed = berkas data anonim dibuat setelah survei ditutup
error-data-language-not-offered = berkas data tidak dapat diberi label dalam `{ $asked }`: kuesioner memiliki teks dalam { $offered }
error-data-too-few = survei memiliki { $responses } jawaban, kurang dari ambang anonimitas { $k }: berkas data tidak dapat dibuat
error-data-free-text-too-few = komentar isian bebas masuk ke berkas data hanya mulai { $k } jawaban (ambang komentar); survei ini memiliki { $responses }
error-data-format = `{ $format }` bukan format berkas data; pilih csv atau sav
error-publishing-already = laporan sedang dipublikasikan

mail-invitation-subject = Undangan: { $survey }
mail-invitation-body =
    Anda diundang untuk berpartisipasi dalam survei karyawan.

    Silakan menjawab melalui tautan ini (tautan ini khusus untuk Anda; mohon jangan meneruskannya kepada orang lain):
    { $link }

    Survei ini dilaksanakan oleh lembaga riset independen, bukan oleh perusahaan. Saat tautan dibuka, sebuah tiket jawaban anonim dibuat di browser Anda sendiri, dan jawaban Anda hanya diterima dengan tiket jawaban tersebut: baik perusahaan maupun lembaga riset tidak dapat mengetahui siapa menjawab apa.
mail-reminder-subject = Pengingat: { $survey }
mail-reminder-body =
    Jika Anda belum menjawab, kami akan sangat menghargai pendapat Anda.

    Silakan menjawab melalui tautan ini (tautan ini khusus untuk Anda; mohon jangan meneruskannya kepada orang lain):
    { $link }

    Survei ini dilaksanakan oleh lembaga riset independen, bukan oleh perusahaan. Saat tautan dibuka, sebuah tiket jawaban anonim dibuat di browser Anda sendiri, dan jawaban Anda hanya diterima dengan tiket jawaban tersebut: baik perusahaan maupun lembaga riset tidak dapat mengetahui siapa menjawab apa.

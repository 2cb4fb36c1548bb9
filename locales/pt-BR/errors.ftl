error-plan-has-no-fieldwork-dates = o plano de campo não tem datas de coleta
error-only-reminder-has-not-been = só é possível enviar agora um lembrete que ainda não tenha sido enviado
error-header-cannot-read = não foi possível ler o cabeçalho: { $e }
error-there-no-email-column-header = não há coluna `email` no cabeçalho
error-column-needs-name-letters-digits = a coluna `{ $h }` precisa de um nome formado por letras, dígitos, `_` ou `-`
error-column-appears-twice = a coluna `{ $h }` aparece duas vezes
error-already-line = { $email } já está na linha { $first }
error-empty = `{ $name }` está vazio
error-roster-has-no-invitees = a lista de participantes não tem convidados
error-report-made-once-survey-closed = o relatório é gerado depois que a pesquisa é encerrada
error-survey-not-open-yet-please = esta pesquisa ainda não começou; use o seu link novamente quando ela estiver aberta
error-survey-closed-no-longer-takes = esta pesquisa está encerrada e não recebe mais respostas
error-token-request-not-valid = a solicitação de cédula não é válida: { $e }
error-token-request-names-another-key = a solicitação de cédula indica uma chave diferente da deste convite; recarregue a página
error-blinded-message-cannot-signed = não é possível assinar a mensagem cegada: { $e }
error-invitation-has-already-been-used = este convite já foi usado para receber uma cédula anônima; cada convite dá direito a uma cédula
error-ballot-has-already-been-used = esta cédula já foi usada: há uma resposta armazenada com ela, e cada cédula é contada uma única vez
error-salt-must-32-random-bytes = o salt deve ter 32 bytes aleatórios em base64url: { $e }
error-ballot-token-not-valid = a cédula (token) não é válida: { $why }
error-tally-made-when-survey-closes = a apuração é feita quando a pesquisa é encerrada
error-management-user-belongs-organisation = um usuário da gestão pertence a uma organização
error-operators-do-not-belong-client = operadores não pertencem a uma organização cliente
error-there-already-account = já existe uma conta para { $email }
error-you-cannot-disable-your-own = não é possível desativar a própria conta; outro administrador pode fazê-lo
error-give-token-name = dê um nome ao token
error-there-already-client-named = já existe um cliente chamado { $name }
error-password-must-least-12-characters = a senha deve ter pelo menos 12 caracteres
error-choose-existing-client-organisation = escolha uma organização cliente existente
error-questionnaire-has-problems =
    o questionário tem problemas:
    { $e }
error-offer-least-one-language = ofereça pelo menos um idioma
error-questionnaire-has-no-texts-choose = o questionário não tem textos em `{ $bad }`; escolha entre { $offered }
error-anonymity-threshold-cannot-below-asked = o limite de anonimato não pode ser menor que { $MIN_THRESHOLD } (valor pedido: { $asked })
error-comment-threshold-cannot-below-anonymity = o limite para comentários ({ $c }) não pode ser menor que o limite de anonimato ({ $k })
error-not-roster-column-name-use = `{ $bad }` não é um nome de coluna válido para a lista de participantes (use letras, dígitos, `_` ou `-`)
error-import-roster-before-scheduling = importe a lista de participantes antes de agendar
error-save-fieldwork-plan-before-scheduling = salve um plano de campo antes de agendar
error-survey-was-changed-meanwhile-another = a pesquisa foi alterada nesse meio-tempo (em outra janela ou por outra pessoa); recarregue a página e tente novamente
error-body-larger-than-bytes-most = o corpo tem mais de { $limit } bytes, o máximo que este caminho aceita
error-json-body-not-valid = o corpo JSON não é válido: { $e }
error-send-body-application-json = envie o corpo como application/json
error-body-cannot-read = não foi possível ler o corpo: { $other }
error-send-form-application-x-www = envie o formulário como application/x-www-form-urlencoded
error-form-cannot-read = não foi possível ler o formulário: { $other }
error-form-cannot-read-2 = não foi possível ler o formulário: { $e }
error-form-holds-nul-character-00 = o formulário contém um caractere NUL (%00), que nenhum campo pode conter
error-upload-too-large-most-mb = o arquivo enviado é grande demais (no máximo { $mb } MB)
error-form-has-no = o formulário não tem `{ $name }`
error-not-utf-8-text = `{ $name }` não é texto em UTF-8
error-e-mail-address-has-most = um endereço de e-mail tem no máximo { $MAX_EMAIL_LEN } caracteres, e uma senha, no máximo { $MAX_PASSWORD_LEN }
error-unknown-language = idioma desconhecido
error-tally-made-when-survey-closes-2 = a apuração é feita quando a pesquisa é encerrada
error-choose-client-organisation = escolha uma organização cliente
error-choose-template-upload-toml-file = escolha um modelo ou envie um arquivo TOML
error-send-token-request-application-private = envie a solicitação de cédula como application/private-token-request
error-token-request-cannot-read = não foi possível ler a solicitação de cédula: { $e }
error-please-check-your-answers-each = confira as suas respostas; cada problema é indicado na própria pergunta
error-your-answers-were-stored-already = as suas respostas já estavam armazenadas (a confirmação não chegou até você); este é o seu comprovante
error-not-e-mail-address = `{ $email }` não é um endereço de e-mail
error-survey-needs-name = a pesquisa precisa de um nome
error-organisation-needs-name-1-200 = a organização precisa de um nome de 1 a 200 caracteres
error-name-empty = o nome está vazio
error-not-found = Esta página não existe.
error-log-in = Faça login.
error-forbidden = Você não tem permissão para fazer isso.
error-too-many-attempts = Muitas tentativas de login sem sucesso; tente novamente em { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}.
error-form-expired = Este formulário expirou; recarregue a página e tente novamente.
error-internal = Ocorreu um problema do nosso lado; tente novamente.
error-survey-not-in-state = a pesquisa está { $state ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    }, e somente uma pesquisa { $needed ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    } pode { $action ->
    [roster] receber uma nova lista de participantes
    [questionnaire] ter o questionário alterado
    [plan] ter o plano de campo alterado
    [settings] ter as configurações alteradas
   *[remind] enviar um lembrete
}
error-survey-cannot-become = uma pesquisa { $from ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    } não pode ficar { $to ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    }; { $count ->
    [0] não há estado seguinte
    [1] ela só pode ficar { $first ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    }
   *[other] ela só pode ficar { $first ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    } ou { $second ->
        [draft] em rascunho
        [scheduled] agendada
        [open] aberta
        [closed] encerrada
       *[published] publicada
    }
}
error-detail = { $detail }
error-roster-line = linha { $line }: { $problem }
error-roster-fields = número de campos: { $fields }; o cabeçalho tem { $header }
error-roster-language-not-offered = o idioma `{ $language }` não é oferecido nesta pesquisa ({ $offered })
error-roster-cannot-group = a lista de participantes não pode ser agrupada por { $breakdowns }: { $e }
error-roster-purge-before-close = a lista de participantes de `{ $survey }` só pode ser apagada depois que a pesquisa for encerrada
error-roster-encoding = o arquivo não está em UTF-8 nem em Shift_JIS; no Excel, salve-o como “CSV UTF-8 (Delimitado por vírgulas)”
error-roster-control-character = `{ $name }` contém um caractere de controle ({ $code })
error-name-control-character = { $field ->
    [survey] o nome da pesquisa
    [organisation] o nome da organização
   *[person] o nome
} não pode conter caracteres de controle ({ $code })
error-issuer-key-sealed-otherwise = a chave do emissor { $key } não abre com a chave mestra atual: { $e }
error-answer-language-not-offered = responda em um dos idiomas desta pesquisa: { $offered }
error-form-not-utf8 = o formulário não é texto em UTF-8 (o byte { $at } não pôde ser decodificado); envie-o pela página, como o navegador faz
error-upload-malformed = o arquivo enviado está malformado: { $e }
error-report-needs-a-language = escolha pelo menos um idioma para o relatório
error-report-language-not-offered = o relatório não pode ser gerado em `{ $asked }`: os idiomas com textos do questionário e termos de relatório são { $offered }
error-data-once-closed = o arquivo de dados anônimos é gerado depois que a pesquisa é encerrada
error-data-language-not-offered = o arquivo de dados não pode ter rótulos em `{ $asked }`: o questionário tem textos em { $offered }
error-data-too-few = a pesquisa tem { $responses } respostas, menos que o limite de anonimato de { $k }: nenhum arquivo de dados pode respeitá-lo
error-data-free-text-too-few = comentários abertos entram no arquivo de dados só a partir de { $k } respostas (o limite para comentários); a pesquisa tem { $responses }
error-data-format = `{ $format }` não é um formato de arquivo de dados; escolha csv ou sav
error-publishing-already = o relatório já está sendo publicado

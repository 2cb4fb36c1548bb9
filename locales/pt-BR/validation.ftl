validation-not-an-object = as respostas devem ser um objeto JSON cujas chaves são os identificadores das perguntas
validation-unknown-question = esta pergunta não existe neste questionário
validation-required = esta pergunta precisa de uma resposta
validation-hidden = esta pergunta não é exibida de acordo com as suas respostas anteriores; por isso, não pode ser respondida
validation-wrong-shape = a resposta está no formato errado: era esperado { $expected }
validation-unknown-option = `{ $option }` não é uma das opções
validation-duplicate-option = `{ $option }` foi escolhida mais de uma vez
validation-no-other = esta pergunta não tem a resposta “Outro”
validation-other-empty = especifique o que você quer dizer com “Outro”
validation-too-few-choices = escolha pelo menos { $min } (você escolheu { $got })
validation-too-many-choices = escolha no máximo { $max } (você escolheu { $got })
validation-exclusive-combined = `{ $option }` não pode ser combinada com outras opções
validation-out-of-range = { $got } está fora do intervalo permitido, de { $min } a { $max }
validation-whole-number = digite um número inteiro
validation-too-many-decimals = digite no máximo { $decimals ->
    [one] uma casa decimal
   *[other] { $decimals } casas decimais
}
validation-no-not-applicable = esta escala não tem a resposta “não se aplica”
validation-too-long = o texto tem { $got } caracteres; são permitidos no máximo { $max }
validation-unknown-item = `{ $item }` não é uma das afirmações
validation-missing-items = responda a todas as afirmações (faltando: { $items })
validation-ranking-length = classifique exatamente { $expected } opções (você classificou { $got })

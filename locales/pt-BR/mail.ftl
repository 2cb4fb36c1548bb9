mail-invitation-subject = Convite: { $survey }
mail-invitation-body =
    Convidamos você a participar de uma pesquisa com os funcionários.

    Responda por meio deste link (ele é só seu; por favor, não o encaminhe):
    { $link }

    A pesquisa é realizada por um instituto de pesquisa independente, e não pela empresa. Ao abrir o link, uma cédula anônima é criada no seu próprio navegador, e as suas respostas são aceitas somente com essa cédula: nem a empresa nem o instituto de pesquisa conseguem saber quem respondeu o quê.
mail-reminder-subject = Lembrete: { $survey }
mail-reminder-body =
    Se você ainda não respondeu, gostaríamos muito de saber a sua opinião.

    Responda por meio deste link (ele é só seu; por favor, não o encaminhe):
    { $link }

    A pesquisa é realizada por um instituto de pesquisa independente, e não pela empresa. Ao abrir o link, uma cédula anônima é criada no seu próprio navegador, e as suas respostas são aceitas somente com essa cédula: nem a empresa nem o instituto de pesquisa conseguem saber quem respondeu o quê.

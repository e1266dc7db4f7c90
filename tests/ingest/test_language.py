"""Non-English text is recognised cheaply; English with foreign words stays English."""

import pytest

from realpolitik.ingest.language import describe, detect

FRENCH = ("Le ministre des Affaires étrangères a rencontré son homologue à Pékin mardi. "
          "Les deux pays ont signé un accord sur le commerce et l'énergie, selon un communiqué. "
          "Il a déclaré que la coopération entre la France et la Chine était essentielle pour la paix. "
          "Les négociations reprendront au printemps, mais aucune date n'a été fixée.")
GERMAN = ("Der Außenminister ist am Dienstag nach Warschau gereist. Er hat mit seinem Amtskollegen "
          "über die Lage an der Grenze gesprochen und die Unterstützung für die Ukraine bekräftigt. "
          "Die Gespräche werden im nächsten Monat fortgesetzt, sagte eine Sprecherin des Ministeriums.")
SPANISH = ("El presidente viajó a Bruselas para reunirse con los líderes de la Unión Europea. "
           "Según fuentes oficiales, las conversaciones se centraron en el comercio y la seguridad, "
           "y también en la situación de los migrantes en la frontera sur del país.")
ENGLISH = ("The foreign minister met his counterpart in Beijing on Tuesday. The two countries signed "
           "an agreement on trade and energy, according to a statement. He said that cooperation "
           "between France and China was essential for peace.")
ENGLISH_WITH_FRENCH_QUOTE = (ENGLISH + " A French diplomat called it « un accord pour la paix et "
                             "la stabilité de la région » before the talks ended.")


@pytest.mark.parametrize(("text", "code"), [
    (FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es"), (ENGLISH, "en"), (ENGLISH_WITH_FRENCH_QUOTE, "en"),
    ("Министр иностранных дел России заявил, что переговоры продолжатся.", "ru"),
    ("Міністр закордонних справ України заявив, що переговори триватимуть.", "uk"),
    ("外交部发言人表示，双方将继续就贸易问题进行磋商。", "zh"),
    ("外務省の報道官は、交渉は来週も続くと述べた。", "ja"),
    ("Talks resume Monday.", "en"),  # too short to judge: not refused
])
def test_detect(text, code):
    assert detect(text) == code


def test_describe_names_the_language():
    assert describe("fr") == "French (fr)"

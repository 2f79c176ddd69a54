"""The colour of each recommendation status in the status charts: on screen (the
Übersicht, :mod:`ui.status_chart`) and in print (the recommendations report and the
Tätigkeitsbericht, :mod:`reports.recommendation_charts`), one status one colour (found by
a tester: the screen had colours of its own).

Each status is a step darker than the one before it (a grey of about 21 steps of 255
apart), as the legend lists them and the bars stack them: printed in black and white the
segments stay apart and in order (found by a tester: "beschlossen", "übermittelt" and
"teilweise umgesetzt" were one grey, "beantwortet", "umgesetzt" and "nicht umgesetzt"
another). The hues keep their sense: amber sent, blue answered, green done, red not.
"""

from __future__ import annotations

from expertenrat.domain.enums import RecommendationStatus

S = RecommendationStatus
STATUS_COLOURS: dict[RecommendationStatus, str] = {
    S.DRAFT: "#c9d1d9",
    S.ADOPTED: "#a9bfd6",
    S.SENT: "#d99e22",
    S.ANSWERED: "#5a93d0",
    S.IMPLEMENTED: "#3f8f61",
    S.PARTLY_IMPLEMENTED: "#5a6a22",
    S.NOT_IMPLEMENTED: "#962724",
    S.WITHDRAWN: "#2f3439",
}

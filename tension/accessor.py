"""``df.tension``: a thin, stateless pandas accessor over :func:`tension.score_frame` and
:func:`tension.build_index`.

>>> import pandas as pd
>>> import tension.accessor  # registers the accessor (importing tension does it when pandas is loaded)
>>> df = pd.DataFrame({"date": ["2018-07-06"], "text": ["The U.S. imposed tariffs on $34 billion of Chinese goods."]})
>>> bool(df.tension.score()["us_china_tension"].iloc[0] > 0)
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd


@pd.api.extensions.register_dataframe_accessor("tension")
class TensionAccessor:
    def __init__(self, df: pd.DataFrame):
        self._df = df

    def score(self, **kwargs: Any):  # noqa: ANN201 - DataFrame or (DataFrame, DataFrame)
        """Score every row; same arguments and result as :func:`tension.score_frame`."""
        from .pipeline import score_frame

        return score_frame(self._df, **kwargs)

    def index(self, **kwargs: Any) -> pd.DataFrame:
        """Treat this frame as a score table and build the index; see :func:`tension.build_index`."""
        from .index import build_index

        return build_index(self._df, **kwargs)

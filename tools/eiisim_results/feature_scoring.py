"""Feature scoring: how much each sampled setting matters for an outcome, from the
impurity-based importances of an extra-trees ensemble (Geurts et al. 2006), as the EMA
Workbench's feature_scoring does. Needs scikit-learn (Debian: python3-sklearn); without it
`available()` is False and the command says so."""

import numpy as np

from .deps import missing


def available():
    return not missing("sklearn")


def feature_scores(x, y, seed=1, trees=250):
    """Importances over the settings (they sum to 1): regression for a numeric outcome,
    classification for a 0/1 condition."""
    from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

    y = np.asarray(y)
    model_type = ExtraTreesClassifier if y.dtype == bool else ExtraTreesRegressor
    model = model_type(n_estimators=trees, random_state=seed, max_features=0.6, min_samples_leaf=5, n_jobs=1)
    model.fit(x, y)
    return model.feature_importances_

"""A clear message, not a traceback, when this interpreter lacks a library the tools need.

Debian's /usr/bin/python3 gets them from tools/install_deps.sh; another python3 first on
PATH (a virtual environment, a pyenv build) may lack them.
"""

import importlib.util
import sys

# module -> Debian package
DEBIAN_PACKAGE = {
    "numpy": "python3-numpy",
    "h5py": "python3-h5py",
    "scipy": "python3-scipy",
    "pandas": "python3-pandas",
    "xarray": "python3-xarray",
    "h5netcdf": "python3-h5netcdf",
    "matplotlib": "python3-matplotlib",
    "sklearn": "python3-sklearn",
}


def missing(*modules):
    """The modules of `modules` this interpreter cannot import."""
    return [m for m in modules if importlib.util.find_spec(m) is None]


def message(absent):
    packages = " ".join(DEBIAN_PACKAGE.get(m, m) for m in absent)
    return (f"eiisim_results needs {', '.join(absent)}, which {sys.executable} cannot import.\n"
            f"Install them with: sudo apt-get install {packages} (or run tools/install_deps.sh), "
            f"or use /usr/bin/python3, which has them on a machine set up by tools/install_deps.sh.")


def require(*modules):
    """Raise ImportError naming every missing module and how to install it."""
    absent = missing(*modules)
    if absent:
        raise ImportError(message(absent))

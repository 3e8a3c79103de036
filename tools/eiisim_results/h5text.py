"""Text out of HDF5 files: h5py returns fixed and variable-length strings as bytes or str
depending on how they were written; every reader in tools/ goes through these two."""


def text(value):
    """One attribute or string value as str."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def strings(dataset):
    """A string dataset (a dimension's labels) as a list of str."""
    return [text(v) for v in dataset[()]]

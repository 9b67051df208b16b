"""The JSON Schemas of the data files, shipped inside the package as vanban.schemas."""

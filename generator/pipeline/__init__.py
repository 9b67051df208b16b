"""The stages every job goes through: load, validate, render, convert, merge, write."""

"""The app's HTML pages beyond the single-document form: accounts, offices, history and register, jobs."""

"""The built-in document templates (.docx), shipped inside the package as vanban.templates."""

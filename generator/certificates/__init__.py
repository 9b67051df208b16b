"""Certificates (Bằng khen, Giấy khen) printed on the office's pre-printed blanks (phôi): only the variable text.

layout.py says where each field goes on a kind of blank (the office profile's `phoi`, over defaults);
texts.py says what each field reads for each person of a quyết định khen thưởng; draw.py writes the PDF,
one A4 landscape page per person, and the calibration page with its millimetre grid.
"""

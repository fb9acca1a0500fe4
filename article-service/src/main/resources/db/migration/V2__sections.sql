-- The desks of the agency, with their names in Persian and English.
INSERT INTO section (id, position) VALUES
    ('iran', 1), ('world', 2), ('politics', 3), ('economy', 4),
    ('defense', 5), ('sport', 6), ('culture', 7), ('science', 8);

INSERT INTO section_name (section_id, language, name) VALUES
    ('iran', 'fa', 'ایران'),         ('iran', 'en', 'Iran'),
    ('world', 'fa', 'جهان'),         ('world', 'en', 'World'),
    ('politics', 'fa', 'سیاست'),     ('politics', 'en', 'Politics'),
    ('economy', 'fa', 'اقتصاد'),     ('economy', 'en', 'Economy'),
    ('defense', 'fa', 'دفاعی'),      ('defense', 'en', 'Defense'),
    ('sport', 'fa', 'ورزش'),         ('sport', 'en', 'Sport'),
    ('culture', 'fa', 'فرهنگ'),      ('culture', 'en', 'Culture'),
    ('science', 'fa', 'علم و فناوری'), ('science', 'en', 'Science');

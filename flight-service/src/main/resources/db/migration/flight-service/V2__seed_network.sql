-- Seed data from shared/domain/FACTS.md section 2 ("Direct flights to Harbin (HRB) from Russia").
-- Where a source gives a flight number, days and times they are used as given. Where it gives only the
-- carrier and frequency, the flight number and times below are PLACEHOLDERS (marked in `note`) so the
-- route can be sold in the demo; operations replace them from the carrier's timetable.
-- Fares: only UUS-HRB has a published fare (from 12,500 RUB one way); the others are indicative seed
-- fares, not quotes. CNY fares are the RUB fare at 11.4 RUB per CNY, rounded.

INSERT INTO airport (code, name, city, country, time_zone) VALUES
    ('UUS', 'Yuzhno-Sakhalinsk Khomutovo', 'Yuzhno-Sakhalinsk', 'RU', 'Asia/Sakhalin'),
    ('VVO', 'Vladivostok Knevichi', 'Vladivostok', 'RU', 'Asia/Vladivostok'),
    ('BQS', 'Blagoveshchensk Ignatyevo', 'Blagoveshchensk', 'RU', 'Asia/Yakutsk'),
    ('IKT', 'Irkutsk International', 'Irkutsk', 'RU', 'Asia/Irkutsk'),
    ('YKS', 'Yakutsk Platon Oyunsky', 'Yakutsk', 'RU', 'Asia/Yakutsk'),
    ('KJA', 'Krasnoyarsk Yemelyanovo', 'Krasnoyarsk', 'RU', 'Asia/Krasnoyarsk'),
    ('OVB', 'Novosibirsk Tolmachevo', 'Novosibirsk', 'RU', 'Asia/Novosibirsk'),
    ('KHV', 'Khabarovsk Novy', 'Khabarovsk', 'RU', 'Asia/Vladivostok'),
    ('HRB', 'Harbin Taiping International', 'Harbin', 'CN', 'Asia/Shanghai'),
    ('OHE', 'Mohe Gulian', 'Mohe', 'CN', 'Asia/Shanghai');

INSERT INTO carrier (code, name) VALUES
    ('HZ', 'Aurora'),
    ('IO', 'IrAero'),
    ('R3', 'Yakutia Airlines'),
    ('SU', 'Aeroflot'),
    ('U6', 'Ural Airlines'),
    ('CZ', 'China Southern Airlines');

INSERT INTO schedule (flight_number, carrier, origin, destination, days_of_week, departs_local, arrives_local,
                      arrival_day_offset, aircraft, valid_from, valid_to, source, note) VALUES
    -- Yuzhno-Sakhalinsk: numbers, days (Wed, Sat from 2023-12-02), times and aircraft as published.
    ('HZ4698', 'HZ', 'UUS', 'HRB', '{3,6}', '09:00', '08:55', 0, 'DHC-8 Q400', '2023-12-02', NULL,
     'hljxinwen.dbw.cn 2023-06-07; znamya65.ru', NULL),
    ('HZ4699', 'HZ', 'HRB', 'UUS', '{3,6}', '10:05', '15:40', 0, 'DHC-8 Q400', '2023-12-02', NULL,
     'hljxinwen.dbw.cn 2023-06-07; znamya65.ru', NULL),
    -- Vladivostok: Aurora 2-3 a week, about 1.5 h.
    ('HZ5491', 'HZ', 'VVO', 'HRB', '{1,4,6}', '12:30', '12:05', 0, 'DHC-8 Q400', '2023-04-07', NULL,
     'caacnews.com.cn 2023-04-07; news.mail.ru 2026-02', 'flight number, days and times are placeholders'),
    ('HZ5492', 'HZ', 'HRB', 'VVO', '{1,4,6}', '13:30', '17:00', 0, 'DHC-8 Q400', '2023-04-07', NULL,
     'caacnews.com.cn 2023-04-07; news.mail.ru 2026-02', 'flight number, days and times are placeholders'),
    -- Blagoveshchensk: IrAero IO775/IO776, weekly on Wednesdays from 2024-06-12, SSJ100, about 1 h.
    ('IO775', 'IO', 'BQS', 'HRB', '{3}', '10:40', '10:40', 0, 'Sukhoi Superjet 100', '2024-06-12', NULL,
     'huaxiahuitong.com 2024-06-13', 'times are placeholders'),
    ('IO776', 'IO', 'HRB', 'BQS', '{3}', '11:40', '13:40', 0, 'Sukhoi Superjet 100', '2024-06-12', NULL,
     'huaxiahuitong.com 2024-06-13', 'times are placeholders'),
    -- Irkutsk: IrAero weekly.
    ('IO731', 'IO', 'IKT', 'HRB', '{5}', '07:30', '11:00', 0, 'Sukhoi Superjet 100', '2023-01-01', NULL,
     'caacnews 2023', 'flight number, day and times are placeholders'),
    ('IO732', 'IO', 'HRB', 'IKT', '{5}', '12:10', '15:20', 0, 'Sukhoi Superjet 100', '2023-01-01', NULL,
     'caacnews 2023', 'flight number, day and times are placeholders'),
    -- Yakutsk: Yakutia Airlines weekly from 2023-04-06 (a Thursday).
    ('R3533', 'R3', 'YKS', 'HRB', '{4}', '09:00', '11:30', 0, 'Sukhoi Superjet 100', '2023-04-06', NULL,
     'easternherald.com', 'flight number and times are placeholders'),
    ('R3534', 'R3', 'HRB', 'YKS', '{4}', '12:30', '17:00', 0, 'Sukhoi Superjet 100', '2023-04-06', NULL,
     'easternherald.com', 'flight number and times are placeholders'),
    -- Krasnoyarsk: Aeroflot, Tuesdays and Sundays from 2023-12-24, SSJ100.
    ('SU6405', 'SU', 'KJA', 'HRB', '{2,7}', '08:15', '13:45', 0, 'Sukhoi Superjet 100', '2023-12-24', NULL,
     'runews24.ru', 'flight number and times are placeholders'),
    ('SU6406', 'SU', 'HRB', 'KJA', '{2,7}', '14:45', '18:30', 0, 'Sukhoi Superjet 100', '2023-12-24', NULL,
     'runews24.ru', 'flight number and times are placeholders'),
    -- Novosibirsk: Ural Airlines weekly on Tuesdays, A320.
    ('U62823', 'U6', 'OVB', 'HRB', '{2}', '02:00', '07:20', 0, 'Airbus A320', '2023-01-01', NULL,
     'interfax-russia.ru', 'flight number and times are placeholders'),
    ('U62824', 'U6', 'HRB', 'OVB', '{2}', '09:30', '13:20', 0, 'Airbus A320', '2023-01-01', NULL,
     'interfax-russia.ru', 'flight number and times are placeholders'),
    -- Harbin - Mohe, domestic, for northern trips (Mohe reopened 2023-01-27).
    ('CZ6974', 'CZ', 'HRB', 'OHE', '{2,5,7}', '08:20', '10:30', 0, 'Airbus A320', '2023-01-27', NULL,
     'FACTS.md section 2 (Mohe OHE: domestic to Harbin)', 'carrier, flight number, days and times are placeholders'),
    ('CZ6973', 'CZ', 'OHE', 'HRB', '{2,5,7}', '11:30', '13:40', 0, 'Airbus A320', '2023-01-27', NULL,
     'FACTS.md section 2 (Mohe OHE: domestic to Harbin)', 'carrier, flight number, days and times are placeholders');

INSERT INTO schedule_cabin (flight_number, cabin, seats, fare_rub, fare_cny) VALUES
    -- DHC-8 Q400: about 70 seats, one cabin.
    ('HZ4698', 'ECONOMY', 70, 12500, 1096),
    ('HZ4699', 'ECONOMY', 70, 12500, 1096),
    ('HZ5491', 'ECONOMY', 70, 9800, 860),
    ('HZ5492', 'ECONOMY', 70, 9800, 860),
    -- Sukhoi Superjet 100: 12 business and 75 economy seats in a typical two-class layout.
    ('IO775', 'ECONOMY', 75, 8900, 781),
    ('IO775', 'BUSINESS', 12, 21000, 1842),
    ('IO776', 'ECONOMY', 75, 8900, 781),
    ('IO776', 'BUSINESS', 12, 21000, 1842),
    ('IO731', 'ECONOMY', 75, 16500, 1447),
    ('IO732', 'ECONOMY', 75, 16500, 1447),
    ('R3533', 'ECONOMY', 75, 19800, 1737),
    ('R3534', 'ECONOMY', 75, 19800, 1737),
    ('SU6405', 'ECONOMY', 75, 21500, 1886),
    ('SU6405', 'BUSINESS', 12, 48000, 4211),
    ('SU6406', 'ECONOMY', 75, 21500, 1886),
    ('SU6406', 'BUSINESS', 12, 48000, 4211),
    -- Airbus A320: 8 business and 150 economy seats in a typical two-class layout.
    ('U62823', 'ECONOMY', 150, 23900, 2096),
    ('U62823', 'BUSINESS', 8, 52000, 4561),
    ('U62824', 'ECONOMY', 150, 23900, 2096),
    ('U62824', 'BUSINESS', 8, 52000, 4561),
    ('CZ6974', 'ECONOMY', 150, 11400, 1000),
    ('CZ6973', 'ECONOMY', 150, 11400, 1000);

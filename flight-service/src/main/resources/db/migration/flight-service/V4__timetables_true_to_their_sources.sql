-- Schedules true to shared/domain/FACTS.md section 2 (revised): the Sakhalin timetable, what each row's source really
-- holds, and what is a placeholder. Every field no source gives is named in `placeholders`, in the data and in the API.

ALTER TABLE schedule ADD COLUMN placeholders TEXT[] NOT NULL DEFAULT '{}';
-- A timetable published for a past season and still sold because no newer one is confirmed: said so in every answer.
ALTER TABLE schedule ADD COLUMN carried_forward BOOLEAN NOT NULL DEFAULT false;
-- Not sold any more (no flights are generated): kept for the flights already sold on it.
ALTER TABLE schedule ADD COLUMN on_sale BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE schedule ADD COLUMN fare_source TEXT;

-- Yuzhno-Sakhalinsk - Harbin: the Wednesday and Saturday timetable from 2023-12-02, not the Tuesday one of 2023.
UPDATE schedule SET departs_local = '14:00', arrives_local = '13:55',
       source = 'Sakhalin Media 2023-10-30, quoted at moto-tomin2sei.hatenablog.com/entry/20231031/1698705132',
       fare_source = 'znamya65.ru 2023-06-07 (from 12,500 RUB one way)'
 WHERE flight_number = 'HZ4698';
UPDATE schedule SET departs_local = '15:00', arrives_local = '20:40',
       source = 'Sakhalin Media 2023-10-30, quoted at moto-tomin2sei.hatenablog.com/entry/20231031/1698705132',
       fare_source = 'znamya65.ru 2023-06-07 (from 12,500 RUB one way)'
 WHERE flight_number = 'HZ4699';

-- What the other rows' sources hold, and what they do not.
UPDATE schedule SET placeholders = '{flight number,days,times,fares}' WHERE flight_number IN ('HZ5491', 'HZ5492');
UPDATE schedule SET placeholders = '{times,fares,seat layout}' WHERE flight_number IN ('IO775', 'IO776');
UPDATE schedule SET placeholders = '{flight number,day,times,valid from,fares,seat layout}',
       note = 'caacnews 2023 gives IrAero and China Southern flying Irkutsk - Harbin weekly: not the day, the times, the flight number or a start date (2023-01-01 is a placeholder)'
 WHERE flight_number IN ('IO731', 'IO732');
UPDATE schedule SET placeholders = '{flight number,times,fares,seat layout}' WHERE flight_number IN ('R3533', 'R3534');
UPDATE schedule SET placeholders = '{flight number,times,fares,seat layout}' WHERE flight_number IN ('SU6405', 'SU6406');
UPDATE schedule SET placeholders = '{flight number,times,valid from,fares,seat layout}',
       note = 'interfax-russia.ru gives Ural Airlines flying weekly on Tuesdays with an A320: not the times, the flight number or a start date (2023-01-01 is a placeholder)'
 WHERE flight_number IN ('U62823', 'U62824');

-- Harbin - Mohe: FACTS.md says only that Mohe has domestic flights to Harbin and Beijing Daxing; no carrier, number,
-- days or times. Nothing is sold on an invented timetable: the rows stay for the record, off sale, and unsold future
-- flights on them go.
UPDATE schedule SET on_sale = false, source = 'none: FACTS.md section 2 gives no Harbin - Mohe timetable',
       note = 'withdrawn: carrier, flight number, days and times were placeholders with no source'
 WHERE flight_number IN ('CZ6973', 'CZ6974');
DELETE FROM flight f
 WHERE f.flight_number IN ('CZ6973', 'CZ6974')
   AND NOT EXISTS (SELECT 1 FROM seat_hold h WHERE h.flight_id = f.id AND h.status IN ('HELD', 'CONFIRMED'));

-- Every timetable here is of 2023 or 2024, and no 2025/26 one is confirmed: sold on, said to be carried forward.
UPDATE schedule SET carried_forward = true
 WHERE on_sale AND valid_to IS NULL;
UPDATE schedule SET note = coalesce(note || '; ', '')
       || 'carried forward: published for ' || extract(year FROM valid_from) || ', no later timetable confirmed'
 WHERE carried_forward;

-- From now on a schedule on sale has an end date or says it is carried forward.
ALTER TABLE schedule ADD CONSTRAINT schedule_dated_or_carried_forward
    CHECK (valid_to IS NOT NULL OR carried_forward OR NOT on_sale);

-- Flights already generated for the Sakhalin route follow its corrected timetable (their seats and holds stay).
UPDATE flight f
   SET departs_at = (f.departure_date + s.departs_local) AT TIME ZONE o.time_zone,
       arrives_at = (f.departure_date + s.arrival_day_offset + s.arrives_local) AT TIME ZONE d.time_zone
  FROM schedule s, airport o, airport d
 WHERE s.flight_number = f.flight_number AND o.code = s.origin AND d.code = s.destination
   AND f.flight_number IN ('HZ4698', 'HZ4699')
   AND f.departure_date >= current_date;

-- Groups of up to 50 hold their seats in one hold.
ALTER TABLE seat_hold DROP CONSTRAINT seat_hold_seats_check;
ALTER TABLE seat_hold ADD CONSTRAINT seat_hold_seats_check CHECK (seats BETWEEN 1 AND 50);

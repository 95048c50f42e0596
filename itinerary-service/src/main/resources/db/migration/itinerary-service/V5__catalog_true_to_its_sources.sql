-- The catalog true to shared/domain/FACTS.md section 3: a season's end is confirmed only where a source gives it, the
-- resort's season is as long as its source says, the map pin agrees with its text, and each place says how it is
-- reached and who pays concession prices (a placeholder where no source says).

ALTER TABLE attraction_season ADD COLUMN opens_confirmed BOOLEAN;
ALTER TABLE attraction_season ADD COLUMN closes_confirmed BOOLEAN;
UPDATE attraction_season SET opens_confirmed = confirmed, closes_confirmed = confirmed;
ALTER TABLE attraction_season ALTER COLUMN opens_confirmed SET NOT NULL;
ALTER TABLE attraction_season ALTER COLUMN closes_confirmed SET NOT NULL;
ALTER TABLE attraction_season DROP COLUMN confirmed;

-- The festival: "opens 5 January each year" (menafn.com/1110570610); nothing says when it ends.
UPDATE attraction_season SET closes_confirmed = false,
       source = 'menafn.com/1110570610 gives the opening (5 January); the close is an estimate'
 WHERE attraction_id = 'harbin-ice-festival-opening' AND season_year = 2025;
-- Sun Island: "late December (38th opened 2025-12-27) to about end of February".
UPDATE attraction_season SET closes_confirmed = false,
       source = 'news.cgtn.com 2026-02-11 gives the opening; "to about the end of February"'
 WHERE attraction_id = 'sun-island-snow-sculpture-expo' AND season_year = 2025;
-- Zhaolin: "January-February (52nd in 2026)": the months, not the days.
UPDATE attraction_season SET opens_confirmed = false, closes_confirmed = false,
       source = 'en.people.cn/n3/2026/0119 gives January to February, not the days'
 WHERE attraction_id = 'zhaolin-park-ice-lantern-fair' AND season_year = 2025;
-- Songhua carnival: "from 2025-12-25", no end given.
UPDATE attraction_season SET closes_confirmed = false,
       source = 'en.people.cn/n3/2025/1225 gives the opening (2025-12-25); the close is an estimate'
 WHERE attraction_id = 'songhua-river-ice-carnival' AND season_year = 2025;
-- Yabuli: "mid-November to late March (about 120 days)" (harbinice.com): 120 days, not 131.
UPDATE attraction_season SET opens = '2025-11-20', closes = '2026-03-19'
 WHERE attraction_id = 'yabuli-ski-resort' AND season_year = 2025;
UPDATE attraction_season SET opens = '2026-11-20', closes = '2027-03-19'
 WHERE attraction_id = 'yabuli-ski-resort' AND season_year = 2026;

-- Mohe Arctic Village is at 53°33' N, as its text says.
UPDATE attraction SET latitude = 53.55000 WHERE id = 'mohe-arctic-village';

-- How a visitor gets there from Harbin.
ALTER TABLE attraction ADD COLUMN access TEXT NOT NULL DEFAULT 'CITY' CHECK (access IN ('CITY', 'ROAD', 'FLIGHT'));
ALTER TABLE attraction ADD COLUMN airport CHAR(3);
ALTER TABLE attraction ADD CONSTRAINT attraction_flight_needs_airport CHECK (access <> 'FLIGHT' OR airport IS NOT NULL);
UPDATE attraction SET access = 'ROAD' WHERE id IN ('yabuli-ski-resort', 'china-snow-town');
UPDATE attraction SET access = 'FLIGHT', airport = 'OHE' WHERE id = 'mohe-arctic-village';

-- Concessions: Ice and Snow World publishes a concession price (240 CNY) but not who qualifies. Until a source says,
-- travellers under 18 pay it, and every plan that applies it says the terms are a placeholder.
ALTER TABLE attraction ADD COLUMN concession_max_age INT;
ALTER TABLE attraction ADD COLUMN concession_placeholder BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE attraction ADD COLUMN concession_note TEXT;
UPDATE attraction SET concession_max_age = 17, concession_placeholder = true,
       concession_note = 'placeholder: the source gives the concession price, not who qualifies for it'
 WHERE price_concession_cny IS NOT NULL AND price_concession_cny > 0;

UPDATE trip_package SET note = 'Mohe is reached by air from Harbin; no Harbin - Mohe timetable is on record, so no flight is on sale and planning warns until operations add one.'
 WHERE id = 'harbin-mohe-north-6d';

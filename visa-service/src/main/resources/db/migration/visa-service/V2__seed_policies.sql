-- Seed policies from shared/domain/FACTS.md section 1 ("Entry regimes between China and Russia").
-- Both 30-day regimes were announced to end on 2026-09-14; an extension is NOT CONFIRMED, so the seed keeps
-- that date. Operations extend a policy with PATCH /api/visa/policies/{id} once a source confirms it.
-- Where a source does not say how days are counted, `dayCounting` is a conservative choice named in `notes`.

INSERT INTO entry_policy (id, version, status, document, updated_at, updated_by) VALUES
('CN-RU-VISA-FREE-TRIAL', 1, 'ACTIVE', $${
  "title": "China: 30-day visa-free entry for Russian citizens (trial)",
  "kind": "VISA_FREE",
  "nationalities": ["RU"],
  "destinations": ["CN"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["BUSINESS", "TOURISM", "FAMILY", "EXCHANGE", "TRANSIT"],
  "maxStayDays": 30,
  "dayCounting": "FROM_DAY_AFTER_ENTRY",
  "entryFrom": "2025-09-15",
  "entryTo": "2026-09-14",
  "conditions": {
    "passportValidityMonthsBeyondExit": 6,
    "onwardTicketToThirdCountry": false,
    "permittedArea": "Any open checkpoint; closed areas such as Tibet are excluded",
    "documents": ["Passport valid at least 6 months beyond the planned exit",
                  "Proof of purpose: hotel booking, return ticket or invitation"]
  },
  "sources": ["https://en.people.cn/n3/2025/0902/c90000-20361235.html", "https://tass.com/society/2016657"],
  "notes": "Work, study, journalism, drivers and freight forwarders need a visa. No limit on the number of trips. The 30 days count from 00:00 of the day after entry (consulate guidance, secondary source). The border officer decides. Extension beyond 2026-09-14 not confirmed."
}$$, '2026-11-01T00:00:00Z', 'seed:FACTS.md'),
('RU-CN-VISA-FREE', 1, 'ACTIVE', $${
  "title": "Russia: 30-day visa-free entry for Chinese citizens",
  "kind": "VISA_FREE",
  "nationalities": ["CN"],
  "destinations": ["RU"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TOURISM", "BUSINESS", "FAMILY", "EXCHANGE", "EVENTS", "TRANSIT"],
  "maxStayDays": 30,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2025-12-01",
  "entryTo": "2026-09-14",
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "documents": ["Ordinary passport", "Proof of purpose: hotel booking, return ticket or invitation"]
  },
  "sources": ["https://www.chinadaily.com.cn/a/202512/01/WS692da9a4a310d6866eb2c575.html",
              "https://en.people.cn/n3/2025/1202/c90000-20397228.html"],
  "notes": "Covers tourism, business, family visits, scientific, cultural, socio-political, economic and sports events (EXCHANGE, EVENTS) and transit. Work, study, residence, road-transport drivers, crew, forwarders and interpreters excluded. Day counting: entry and exit days both count (Russian practice; the sources do not say). Extension beyond 2026-09-14 not confirmed."
}$$, '2026-11-01T00:00:00Z', 'seed:FACTS.md'),
('CN-240H-TRANSIT', 1, 'ACTIVE', $${
  "title": "China: 240-hour visa-free transit",
  "kind": "VISA_FREE_TRANSIT",
  "nationalities": ["RU"],
  "destinations": ["CN"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TRANSIT", "TOURISM", "BUSINESS"],
  "maxStayDays": 10,
  "dayCounting": "FROM_DAY_AFTER_ENTRY",
  "entryFrom": "2024-12-17",
  "entryTo": null,
  "conditions": {
    "passportValidityMonthsBeyondExit": 3,
    "onwardTicketToThirdCountry": true,
    "permittedArea": "The permitted area of the port of entry; at Harbin Taiping airport, Harbin's administrative area",
    "documents": ["Confirmed onward ticket to a third country within 240 hours",
                  "Passport valid at least 3 months"]
  },
  "sources": ["https://spanish.news.cn (2024-12-18)", "https://vladivostok-news.net/society/2024/12/20/416719.html"],
  "notes": "240 hours, the clock starting at 00:00 of the day after arrival. Open to 55 nationalities; only Russia is seeded here. The onward flight must go to a third country: not back to where the traveller came from."
}$$, '2026-11-01T00:00:00Z', 'seed:FACTS.md'),
('CN-RU-GROUP-2000', 1, 'ACTIVE', $${
  "title": "China-Russia visa-free group travel (agreement of 29 February 2000)",
  "kind": "GROUP_VISA_FREE",
  "nationalities": ["RU", "CN"],
  "destinations": ["CN", "RU"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TOURISM"],
  "maxStayDays": 15,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2023-08-01",
  "entryTo": null,
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "minGroupSize": 5,
    "maxGroupSize": 50,
    "authorisedAgencyOnly": true,
    "documents": ["Tourist list sent in advance to the border service by an authorised travel agency",
                  "The group enters and leaves together with an escort"]
  },
  "sources": ["https://interfax.com/newsroom/top-stories/88102"],
  "notes": "Only travel agencies on the lists the two sides exchange. Operating again from 2023-08-01. A revised version (groups from 3, 21 days) was under negotiation: not confirmed. Day counting: entry and exit days both count (the source does not say)."
}$$, '2026-11-01T00:00:00Z', 'seed:FACTS.md'),
('RU-E-VISA', 1, 'ACTIVE', $${
  "title": "Russia: unified electronic visa",
  "kind": "E_VISA",
  "nationalities": ["CN"],
  "destinations": ["RU"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TOURISM", "BUSINESS", "FAMILY", "EXCHANGE", "EVENTS"],
  "maxStayDays": 16,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2023-08-01",
  "entryTo": null,
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "documents": ["E-visa applied for at least 4 days before entry (single entry, valid 60 days from issue, about US$52)"]
  },
  "sources": ["https://tass.com/economy/1655057"],
  "notes": "Not visa-free: a visa to apply for. Citizens of 64 countries including China. Purposes: tourist, business, guest (FAMILY), humanitarian (EXCHANGE, EVENTS)."
}$$, '2026-11-01T00:00:00Z', 'seed:FACTS.md');

INSERT INTO entry_policy_revision (policy_id, version, change, changed_at, changed_by, before, after)
SELECT id, version, 'CREATED', updated_at, updated_by, NULL, document FROM entry_policy;

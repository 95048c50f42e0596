-- More of shared/domain/FACTS.md section 1: diplomatic and service passports, Hong Kong and Macau, and the visitor's
-- duty to register after arrival. Existing policies are changed field by field (jsonb_set), so that what operations
-- changed since (an extended window, say) stays as it is; every change is a new version with its revision.

INSERT INTO entry_policy (id, version, status, document, updated_at, updated_by) VALUES
('CN-RU-DIPLOMATIC-SERVICE', 1, 'ACTIVE', $${
  "title": "China-Russia: visa-free travel on diplomatic and service passports",
  "kind": "VISA_FREE",
  "nationalities": ["RU", "CN"],
  "destinations": ["CN", "RU"],
  "passportTypes": ["DIPLOMATIC", "SERVICE"],
  "purposes": ["BUSINESS", "TOURISM", "FAMILY", "EXCHANGE", "EVENTS", "TRANSIT"],
  "maxStayDays": 30,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2014-01-04",
  "entryTo": null,
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "documents": ["Valid diplomatic or service passport"],
    "registration": {
      "CN": "Register with the local police within 24 hours of arrival unless staying in a hotel, which registers its guests (Exit and Entry Administration Law of the PRC, art. 39)",
      "RU": "Be registered with the migration authorities within 7 working days of arrival, usually by the hotel or host (Federal Law No. 109-FZ, art. 20)"
    }
  },
  "sources": ["http://laws-russia.narod.ru/fed1993/data01/tex10114.htm", "https://fn-volga.ru/news/view/id/16681",
              "pnp.ru 2014-01-04"],
  "notes": "An RF-PRC agreement makes trips on diplomatic and service passports visa-free; a 2013 protocol on service passports allows stays of up to 30 days. The sources give no stay limit for diplomatic passports, nor the date the protocol took effect (entryFrom is the date of the pnp.ru report), nor how days are counted.",
  "placeholders": ["maxStayDays for diplomatic passports", "entryFrom", "dayCounting", "purposes"]
}$$, '2026-12-01T00:00:00Z', 'migration:V3'),
('HK-RU-VISA-FREE', 1, 'ACTIVE', $${
  "title": "Hong Kong: 14-day visa-free entry for Russian citizens",
  "kind": "VISA_FREE",
  "nationalities": ["RU"],
  "destinations": ["HK"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TOURISM", "BUSINESS", "FAMILY", "EXCHANGE", "EVENTS", "TRANSIT"],
  "maxStayDays": 14,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2009-07-01",
  "entryTo": null,
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "documents": ["Ordinary passport"]
  },
  "sources": ["https://prian.ru/news/14370"],
  "notes": "Hong Kong is an entry regime of its own, separate from mainland China's. Reciprocal: Hong Kong residents enter Russia visa-free for 14 days (not held here: Amur has no passport type for Hong Kong SAR passports). The source gives the 14 days; not the purposes, the start date, or how days are counted.",
  "placeholders": ["purposes", "entryFrom", "dayCounting", "passportTypes"]
}$$, '2026-12-01T00:00:00Z', 'migration:V3'),
('MO-RU-VISA-FREE', 1, 'ACTIVE', $${
  "title": "Macau: 30-day visa-free entry for Russian citizens",
  "kind": "VISA_FREE",
  "nationalities": ["RU"],
  "destinations": ["MO"],
  "passportTypes": ["ORDINARY"],
  "purposes": ["TOURISM", "BUSINESS", "FAMILY", "EXCHANGE", "EVENTS", "TRANSIT"],
  "maxStayDays": 30,
  "dayCounting": "CALENDAR_DAYS",
  "entryFrom": "2012-09-30",
  "entryTo": null,
  "conditions": {
    "onwardTicketToThirdCountry": false,
    "documents": ["Ordinary passport"]
  },
  "sources": ["https://www.klerk.ru/boss/news/292894/"],
  "notes": "Macau is an entry regime of its own, separate from mainland China's, from 2012-09-30. Reciprocal: Macau residents enter Russia visa-free for 30 days (not held here). The source gives the 30 days and the start; not the purposes or how days are counted.",
  "placeholders": ["purposes", "dayCounting", "passportTypes"]
}$$, '2026-12-01T00:00:00Z', 'migration:V3');

INSERT INTO entry_policy_revision (policy_id, version, change, changed_at, changed_by, before, after)
SELECT id, version, 'CREATED', updated_at, updated_by, NULL, document FROM entry_policy WHERE updated_by = 'migration:V3';

-- The duty to register and what the sources do not say, on the policies of V2.
CREATE TEMPORARY TABLE v3_change (id TEXT PRIMARY KEY, registration JSONB, placeholders JSONB);
INSERT INTO v3_change (id, registration, placeholders) VALUES
('CN-RU-VISA-FREE-TRIAL', $${"CN": "Register with the local police within 24 hours of arrival unless staying in a hotel, which registers its guests (Exit and Entry Administration Law of the PRC, art. 39)"}$$, '[]'),
('CN-240H-TRANSIT', $${"CN": "Register with the local police within 24 hours of arrival unless staying in a hotel, which registers its guests (Exit and Entry Administration Law of the PRC, art. 39)"}$$, '[]'),
('RU-CN-VISA-FREE', $${"RU": "Be registered with the migration authorities within 7 working days of arrival, usually by the hotel or host (Federal Law No. 109-FZ, art. 20)"}$$, '["dayCounting"]'),
('CN-RU-GROUP-2000', $${"CN": "Register with the local police within 24 hours of arrival unless staying in a hotel, which registers its guests (Exit and Entry Administration Law of the PRC, art. 39)", "RU": "Be registered with the migration authorities within 7 working days of arrival, usually by the hotel or host (Federal Law No. 109-FZ, art. 20)"}$$, '["dayCounting"]');

CREATE TEMPORARY TABLE v3_before AS
SELECT p.id, p.version, p.document FROM entry_policy p JOIN v3_change c ON c.id = p.id;

UPDATE entry_policy p
   SET document = jsonb_set(jsonb_set(p.document, '{conditions,registration}', c.registration, true),
                            '{placeholders}', c.placeholders, true),
       version = p.version + 1, updated_at = '2026-12-01T00:00:00Z', updated_by = 'migration:V3'
  FROM v3_change c
 WHERE c.id = p.id;

INSERT INTO entry_policy_revision (policy_id, version, change, changed_at, changed_by, before, after)
SELECT p.id, p.version, 'UPDATED', p.updated_at, p.updated_by, b.document, p.document
  FROM entry_policy p JOIN v3_before b ON b.id = p.id;

UPDATE entry_policy SET document = jsonb_set(document, '{sources}', document -> 'sources'
       || '["Exit and Entry Administration Law of the PRC, art. 39 (registration within 24 hours)"]'::jsonb)
 WHERE id IN ('CN-RU-VISA-FREE-TRIAL', 'CN-240H-TRANSIT') AND updated_by = 'migration:V3';
UPDATE entry_policy SET document = jsonb_set(document, '{sources}', document -> 'sources'
       || '["Federal Law No. 109-FZ, art. 20 (registration within 7 working days)"]'::jsonb)
 WHERE id = 'RU-CN-VISA-FREE' AND updated_by = 'migration:V3';
UPDATE entry_policy SET document = jsonb_set(document, '{sources}', document -> 'sources'
       || '["Exit and Entry Administration Law of the PRC, art. 39 (registration within 24 hours)", "Federal Law No. 109-FZ, art. 20 (registration within 7 working days)"]'::jsonb)
 WHERE id = 'CN-RU-GROUP-2000' AND updated_by = 'migration:V3';
UPDATE entry_policy_revision r SET after = p.document
  FROM entry_policy p WHERE r.policy_id = p.id AND r.version = p.version AND r.changed_by = 'migration:V3';

DROP TABLE v3_change;
DROP TABLE v3_before;

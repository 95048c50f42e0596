-- A cancelled flight that flies after all (a cancellation revoked): back on sale, recorded like any disruption.
ALTER TABLE flight_disruption DROP CONSTRAINT flight_disruption_type_check;
ALTER TABLE flight_disruption ADD CONSTRAINT flight_disruption_type_check
    CHECK (type IN ('CANCELLED', 'RETIMED', 'REINSTATED'));
ALTER TABLE flight_disruption DROP CONSTRAINT flight_disruption_check;
ALTER TABLE flight_disruption ADD CONSTRAINT flight_disruption_check
    CHECK (type <> 'RETIMED' OR arrival > departure);

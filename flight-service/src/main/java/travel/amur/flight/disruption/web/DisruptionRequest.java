package travel.amur.flight.disruption.web;

import java.time.OffsetDateTime;
import travel.amur.flight.disruption.model.DisruptionType;

/** A cancellation ({@code type} CANCELLED, a reason) or a retiming (RETIMED, the new departure and arrival). */
record DisruptionRequest(DisruptionType type, String reason, OffsetDateTime departure, OffsetDateTime arrival) {
}
